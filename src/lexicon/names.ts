/**
 * A small list of common first names with their usual gender, for pronoun agreement ("he" should not pick
 * "Hillary Clinton"). Covers frequent English, European, Slavic, Arabic and other names seen in international news;
 * names used for both genders (Jean, Andrea, Alex, Kim, ...) are left out on purpose, so they stay unknown. Names not
 * here are looked up in the longer English lists of `first-names-data.ts`.
 */
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from './first-names-data.js';

const MALE = `
aaron abdul abdullah abraham adam adrian ahmad ahmed alan albert alejandro aleksandr aleksei alex alexander
alexandr alexandre alexei alexey ali alvin amir anatoly andre andrei andres andrew andrey andrzej angelo anthony
antonio antony anton arnold arthur barack baggio ben benjamin benny bernard bill billy bob boris brad bradley brandon
brendan brian bruce bruno carl carlos charles charlie chris christian christopher colin craig dan daniel danny
darren david dennis derek diego dimitri dmitri dmitry dominic donald doug douglas dylan eddie edward emmanuel emil
enrique eric erik ernest eugene evan felix fernando filipe francesco francis francisco frank franklin fred
frederick gabriel gareth gary geoffrey george georgi gerald gerhard giorgio giuseppe gordon graham greg gregory
guillermo gustavo hamid hans harold harry hassan heinrich henry herbert horace howard hugh hugo hussein ian igor
ilya isaac ivan jack jacob jaime jake james jamal jan jason javier jeff jeffrey jeremy jerome jerry jesse jim jimmy
joe joel johan johann john johnny jon jonathan jorge jose josé joseph joshua juan julian julio justin kamal karl
keith ken kenneth kevin khalid kirill klaus konstantin kurt kwame larry leo leon leonid leonard liam louis luca
lucas luis luke malcolm marc marcel marco marcus mario mark martin mateo matt matthew maurice max maxim michael
michel miguel mikhail mike mohamed mohammad mohammed muhammad nathan neil nicholas nick nicolas nigel nikita
nikolai noah norman oleg oliver omar oscar otto pablo patrick paul pavel pedro peter philip philippe pierre piotr
rafael ralph ramon randy ray raymond recep richard rick rob robert roberto rodrigo roger roland ron ronald roy ruslan
russell ryan salman sam samuel saul scott sean sebastian sergei sergey serhiy simon stanley stefan stephen
steve steven stuart sultan tariq ted terry thomas tim timothy todd tom tommy tony travis valery vasily victor
viktor vincent vitaly vladimir volodymyr walter warren wayne william willie wolfgang xavier yaroslav yevgeny
yosef youssef yuri yusuf zachary bernie mitt newt rudy chuck mitch pete beto rand reince jared hunter
narendra bashar
`;

const FEMALE = `
abigail ada adriana agnes aisha alexandra alice alicia alina alison amanda amber amelia amy ana anastasia andrea
angela angelina angelique anita ann anna anne annette antonia ashley barbara beatrice betty beverly brenda
bridget brittany carla carmen carol caroline catherine cecilia charlotte cheryl christina christine claire
clara claudia cynthia daniela deborah debra denise diana diane dolores donna doris dorothy edith elena eleanor
elisabeth elizabeth ella ellen emily emma erica erin esther eunice eva evelyn fatima fiona florence frances
gabriela gloria grace hannah heather heidi helen helena hillary ines ingrid irene irina isabel isabella jacqueline
jane janet janice jennifer jessica jill joan joanna josephine joyce judith judy julia julie karen katarzyna
kate katherine kathleen kathryn kathy katie kelly kimberly kristina larisa laura lauren linda lisa liudmila lois
lorraine louise lucia lucy ludmila lydia lynn madeleine margaret margarita maria marie marina marine marjorie marta
martha mary maya megan melania melissa michelle mildred miriam monica nadia nadezhda nancy naomi natalia natalie
natalya nicole nina olga olivia pamela patricia paula pauline rachel rebecca regina rita rosa rose ruth
sabrina samantha sandra sara sarah sharon shirley silvia sofia sophia sophie stephanie susan svetlana sylvia tanya
tamara tatiana teresa theresa tiffany ursula valentina valerie vanessa vera veronica victoria virginia wanda wendy
yulia yelena yvonne zainab zoe kamala ivanka huma kellyanne
`;

const toSet = (s: string) => new Set(s.trim().split(/\s+/));
const MALE_NAMES = toSet(MALE);
const FEMALE_NAMES = toSet(FEMALE);
// The long English lists are read on first use only, so the cost falls on documents that need a gender.
let longLists: { male: Set<string>; female: Set<string> } | null = null;

export type Gender = 'male' | 'female';

/** Usual gender of a first name, or null when unknown or used for both. Case-insensitive. */
export function genderOfFirstName(name: string): Gender | null {
  const k = name.toLowerCase();
  if (MALE_NAMES.has(k)) return 'male';
  if (FEMALE_NAMES.has(k)) return 'female';
  longLists ??= { male: toSet(MALE_FIRST_NAMES), female: toSet(FEMALE_FIRST_NAMES) };
  if (longLists.male.has(k)) return 'male';
  if (longLists.female.has(k)) return 'female';
  return null;
}

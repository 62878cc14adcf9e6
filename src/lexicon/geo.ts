/**
 * Geographic lexicon: countries with their alternative names, capitals and demonyms, US states, continents and
 * the keywords that mark a natural location. Used to tell GPE from LOC, to map demonyms and capital-for-government
 * metonyms ("Moscow said") to their country, and to merge "Russia" / "the Russian Federation" into one entity.
 *
 * Kept as compact `|`-separated rows so the whole table stays readable at a glance; parsed once at load.
 */

/** One country: canonical name, other names, capitals (first = seat of government), demonyms/adjectives. */
export interface Country {
  name: string;
  aliases: string[];
  capitals: string[];
  demonyms: string[];
}

// name | aliases (;) | capitals (;) | demonyms (;)
const COUNTRY_ROWS = `
Afghanistan||Kabul|Afghan;Afghans;Afghanistani
Albania||Tirana|Albanian;Albanians
Algeria||Algiers|Algerian;Algerians
Andorra||Andorra la Vella|Andorran;Andorrans
Angola||Luanda|Angolan;Angolans
Antigua and Barbuda||Saint John's|Antiguan;Antiguans
Argentina|Argentine Republic|Buenos Aires|Argentine;Argentinian;Argentines;Argentinians
Armenia||Yerevan|Armenian;Armenians
Australia|Commonwealth of Australia|Canberra|Australian;Australians
Austria||Vienna|Austrian;Austrians
Azerbaijan||Baku|Azerbaijani;Azerbaijanis;Azeri;Azeris
Bahamas|The Bahamas|Nassau|Bahamian;Bahamians
Bahrain||Manama|Bahraini;Bahrainis
Bangladesh||Dhaka|Bangladeshi;Bangladeshis
Barbados||Bridgetown|Barbadian;Barbadians
Belarus|Byelorussia|Minsk|Belarusian;Belarusians;Belarussian
Belgium||Brussels|Belgian;Belgians
Belize||Belmopan|Belizean;Belizeans
Benin||Porto-Novo|Beninese
Bhutan||Thimphu|Bhutanese
Bolivia||La Paz;Sucre|Bolivian;Bolivians
Bosnia and Herzegovina|Bosnia;Bosnia-Herzegovina|Sarajevo|Bosnian;Bosnians
Botswana||Gaborone|Botswanan;Motswana
Brazil||Brasilia;Brasília|Brazilian;Brazilians
Brunei||Bandar Seri Begawan|Bruneian;Bruneians
Bulgaria||Sofia|Bulgarian;Bulgarians
Burkina Faso||Ouagadougou|Burkinabe;Burkinabé
Burundi||Gitega|Burundian;Burundians
Cambodia||Phnom Penh|Cambodian;Cambodians
Cameroon||Yaounde;Yaoundé|Cameroonian;Cameroonians
Canada||Ottawa|Canadian;Canadians
Cape Verde|Cabo Verde|Praia|Cape Verdean;Cape Verdeans
Central African Republic|CAR|Bangui|Central African;Central Africans
Chad||N'Djamena|Chadian;Chadians
Chile||Santiago|Chilean;Chileans
China|People's Republic of China;PRC;mainland China|Beijing;Peking|Chinese
Colombia||Bogota;Bogotá|Colombian;Colombians
Comoros||Moroni|Comoran;Comorian
Democratic Republic of the Congo|DR Congo;DRC;Congo-Kinshasa|Kinshasa|Congolese
Republic of the Congo|Congo-Brazzaville;Congo|Brazzaville|
Costa Rica||San Jose;San José|Costa Rican;Costa Ricans
Croatia||Zagreb|Croatian;Croatians;Croat;Croats
Cuba||Havana|Cuban;Cubans
Cyprus||Nicosia|Cypriot;Cypriots
Czech Republic|Czechia|Prague|Czech;Czechs
Denmark||Copenhagen|Danish;Dane;Danes
Djibouti||Djibouti City|Djiboutian;Djiboutians
Dominica||Roseau|
Dominican Republic||Santo Domingo|Dominican;Dominicans
East Timor|Timor-Leste|Dili|Timorese
Ecuador||Quito|Ecuadorian;Ecuadorians;Ecuadorean
Egypt||Cairo|Egyptian;Egyptians
El Salvador||San Salvador|Salvadoran;Salvadorans;Salvadorian
Equatorial Guinea||Malabo|Equatoguinean
Eritrea||Asmara|Eritrean;Eritreans
Estonia||Tallinn|Estonian;Estonians
Eswatini|Swaziland|Mbabane|Swazi;Swazis
Ethiopia||Addis Ababa|Ethiopian;Ethiopians
Fiji||Suva|Fijian;Fijians
Finland||Helsinki|Finnish;Finn;Finns
France|French Republic|Paris|French;Frenchman;Frenchmen
Gabon||Libreville|Gabonese
Gambia|The Gambia|Banjul|Gambian;Gambians
Georgia||Tbilisi|Georgian;Georgians
Germany|Federal Republic of Germany|Berlin|German;Germans
Ghana||Accra|Ghanaian;Ghanaians
Greece|Hellenic Republic|Athens|Greek;Greeks
Grenada||St. George's|Grenadian;Grenadians
Guatemala||Guatemala City|Guatemalan;Guatemalans
Guinea||Conakry|Guinean;Guineans
Guinea-Bissau||Bissau|Bissau-Guinean
Guyana||Georgetown|Guyanese
Haiti||Port-au-Prince|Haitian;Haitians
Honduras||Tegucigalpa|Honduran;Hondurans
Hungary||Budapest|Hungarian;Hungarians
Iceland||Reykjavik;Reykjavík|Icelandic;Icelander;Icelanders
India|Republic of India|New Delhi;Delhi|Indian;Indians
Indonesia||Jakarta|Indonesian;Indonesians
Iran|Islamic Republic of Iran;Persia|Tehran|Iranian;Iranians;Persian
Iraq||Baghdad|Iraqi;Iraqis
Ireland|Republic of Ireland;Eire|Dublin|Irish;Irishman
Israel|State of Israel|Jerusalem;Tel Aviv|Israeli;Israelis
Italy|Italian Republic|Rome|Italian;Italians
Ivory Coast|Cote d'Ivoire;Côte d'Ivoire|Yamoussoukro;Abidjan|Ivorian;Ivorians
Jamaica||Kingston|Jamaican;Jamaicans
Japan||Tokyo|Japanese
Jordan||Amman|Jordanian;Jordanians
Kazakhstan||Astana;Almaty|Kazakh;Kazakhs;Kazakhstani
Kenya||Nairobi|Kenyan;Kenyans
Kiribati||Tarawa|I-Kiribati
Kosovo||Pristina|Kosovar;Kosovars;Kosovan
Kuwait||Kuwait City|Kuwaiti;Kuwaitis
Kyrgyzstan|Kyrgyz Republic|Bishkek|Kyrgyz;Kyrgyzstani
Laos|Lao PDR|Vientiane|Laotian;Laotians;Lao
Latvia||Riga|Latvian;Latvians
Lebanon||Beirut|Lebanese
Lesotho||Maseru|Basotho;Mosotho
Liberia||Monrovia|Liberian;Liberians
Libya||Tripoli|Libyan;Libyans
Liechtenstein||Vaduz|Liechtensteiner
Lithuania||Vilnius|Lithuanian;Lithuanians
Luxembourg||Luxembourg City|Luxembourgish;Luxembourger
Madagascar||Antananarivo|Malagasy
Malawi||Lilongwe|Malawian;Malawians
Malaysia||Kuala Lumpur;Putrajaya|Malaysian;Malaysians
Maldives|The Maldives|Male;Malé|Maldivian;Maldivians
Mali||Bamako|Malian;Malians
Malta||Valletta|Maltese
Marshall Islands||Majuro|Marshallese
Mauritania||Nouakchott|Mauritanian;Mauritanians
Mauritius||Port Louis|Mauritian;Mauritians
Mexico|United Mexican States|Mexico City|Mexican;Mexicans
Micronesia|Federated States of Micronesia|Palikir|Micronesian
Moldova||Chisinau;Chișinău|Moldovan;Moldovans
Monaco||Monaco-Ville|Monegasque
Mongolia||Ulaanbaatar;Ulan Bator|Mongolian;Mongolians
Montenegro||Podgorica|Montenegrin;Montenegrins
Morocco||Rabat|Moroccan;Moroccans
Mozambique||Maputo|Mozambican;Mozambicans
Myanmar|Burma|Naypyidaw;Naypyitaw;Yangon;Rangoon|Burmese;Myanmar
Namibia||Windhoek|Namibian;Namibians
Nauru||Yaren|Nauruan
Nepal||Kathmandu|Nepali;Nepalese
Netherlands|The Netherlands;Holland|Amsterdam;The Hague|Dutch;Dutchman
New Zealand||Wellington|New Zealander;New Zealanders;Kiwi;Kiwis
Nicaragua||Managua|Nicaraguan;Nicaraguans
Niger||Niamey|Nigerien;Nigeriens
Nigeria||Abuja|Nigerian;Nigerians
North Korea|Democratic People's Republic of Korea;DPRK;D.P.R.K.|Pyongyang|North Korean;North Koreans
North Macedonia|Macedonia|Skopje|Macedonian;Macedonians
Norway||Oslo|Norwegian;Norwegians
Oman||Muscat|Omani;Omanis
Pakistan||Islamabad|Pakistani;Pakistanis
Palau||Ngerulmud|Palauan
Palestine|State of Palestine;Palestinian territories;Palestinian Territories|Ramallah|Palestinian;Palestinians
Panama||Panama City|Panamanian;Panamanians
Papua New Guinea|PNG|Port Moresby|Papua New Guinean
Paraguay||Asuncion;Asunción|Paraguayan;Paraguayans
Peru||Lima|Peruvian;Peruvians
Philippines|The Philippines|Manila|Filipino;Filipinos;Philippine
Poland||Warsaw|Polish;Pole;Poles
Portugal||Lisbon|Portuguese
Qatar||Doha|Qatari;Qataris
Romania||Bucharest|Romanian;Romanians
Russia|Russian Federation|Moscow;Kremlin|Russian;Russians
Rwanda||Kigali|Rwandan;Rwandans
Saint Kitts and Nevis||Basseterre|Kittitian
Saint Lucia||Castries|Saint Lucian
Saint Vincent and the Grenadines||Kingstown|Vincentian
Samoa||Apia|Samoan;Samoans
San Marino||City of San Marino|Sammarinese
Sao Tome and Principe|São Tomé and Príncipe|Sao Tome;São Tomé|Santomean
Saudi Arabia|Kingdom of Saudi Arabia;KSA|Riyadh|Saudi;Saudis;Saudi Arabian
Senegal||Dakar|Senegalese
Serbia||Belgrade|Serbian;Serbians;Serb;Serbs
Seychelles||Victoria|Seychellois
Sierra Leone||Freetown|Sierra Leonean
Singapore||Singapore|Singaporean;Singaporeans
Slovakia||Bratislava|Slovak;Slovaks;Slovakian
Slovenia||Ljubljana|Slovenian;Slovenians;Slovene;Slovenes
Solomon Islands||Honiara|Solomon Islander
Somalia||Mogadishu|Somali;Somalis;Somalian
South Africa|Republic of South Africa|Pretoria;Cape Town|South African;South Africans
South Korea|Republic of Korea;Korea Republic;ROK;Korea|Seoul|South Korean;South Koreans
South Sudan||Juba|South Sudanese
Spain|Kingdom of Spain|Madrid|Spanish;Spaniard;Spaniards
Sri Lanka|Ceylon|Colombo;Sri Jayawardenepura Kotte|Sri Lankan;Sri Lankans
Sudan||Khartoum|Sudanese
Suriname||Paramaribo|Surinamese
Sweden||Stockholm|Swedish;Swede;Swedes
Switzerland|Swiss Confederation|Bern;Berne|Swiss
Syria|Syrian Arab Republic|Damascus|Syrian;Syrians
Taiwan|Republic of China;ROC|Taipei|Taiwanese
Tajikistan||Dushanbe|Tajik;Tajiks;Tajikistani
Tanzania||Dodoma;Dar es Salaam|Tanzanian;Tanzanians
Thailand|Siam|Bangkok|Thai;Thais
Togo||Lome;Lomé|Togolese
Tonga||Nuku'alofa|Tongan;Tongans
Trinidad and Tobago|Trinidad|Port of Spain|Trinidadian;Trinidadians;Tobagonian
Tunisia||Tunis|Tunisian;Tunisians
Turkey|Türkiye;Turkiye|Ankara|Turkish;Turk;Turks
Turkmenistan||Ashgabat|Turkmen
Tuvalu||Funafuti|Tuvaluan
Uganda||Kampala|Ugandan;Ugandans
Ukraine||Kyiv;Kiev|Ukrainian;Ukrainians
United Arab Emirates|UAE;Emirates|Abu Dhabi|Emirati;Emiratis
United Kingdom|UK;U.K.;Britain;Great Britain|London;Westminster;Downing Street|British;Briton;Britons;Brit;Brits
United States|United States of America;USA;U.S.A.;US;U.S.;America|Washington;Washington, D.C.;Washington D.C.;White House|American;Americans;U.S.;US
Uruguay||Montevideo|Uruguayan;Uruguayans
Uzbekistan||Tashkent|Uzbek;Uzbeks;Uzbekistani
Vanuatu||Port Vila|Ni-Vanuatu
Vatican City|Vatican;Holy See|Vatican City|
Venezuela||Caracas|Venezuelan;Venezuelans
Vietnam|Viet Nam|Hanoi|Vietnamese
Yemen||Sanaa;Sana'a|Yemeni;Yemenis
Zambia||Lusaka|Zambian;Zambians
Zimbabwe||Harare|Zimbabwean;Zimbabweans
Soviet Union|USSR;U.S.S.R.||Soviet;Soviets
Scotland||Edinburgh|Scottish;Scot;Scots
England||London|English;Englishman
Wales||Cardiff|Welsh
Northern Ireland||Belfast|Northern Irish
Hong Kong|HK||Hong Konger;Hong Kongers
Greenland||Nuuk|Greenlandic;Greenlander
`;

function parseCountries(rows: string): Country[] {
  const list = (s: string | undefined) => (s ? s.split(';').map((x) => x.trim()).filter(Boolean) : []);
  return rows.trim().split('\n').map((row) => {
    const [name, aliases, capitals, demonyms] = row.split('|');
    return { name: name!.trim(), aliases: list(aliases), capitals: list(capitals), demonyms: list(demonyms) };
  });
}

export const COUNTRIES: readonly Country[] = parseCountries(COUNTRY_ROWS);

/**
 * Capitals that are far more often something else in English news (a state, a common word, a US city) are not
 * mapped to a country on their own. Where two rows share a capital (London), the first row keeps it.
 */
const AMBIGUOUS_CAPITALS = new Set(['victoria', 'kingston', 'georgetown', 'san jose', 'delhi', 'male']);

const norm = (s: string) => s.toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();

function buildMap(pick: (c: Country) => string[], skip: (key: string) => boolean = () => false) {
  const m = new Map<string, string>();
  for (const c of COUNTRIES) {
    for (const n of pick(c)) {
      const k = norm(n);
      if (!m.has(k) && !skip(k)) m.set(k, c.name);
    }
  }
  return m;
}

/** Lower-cased name or alias (leading "the" dropped) → canonical country name. */
export const COUNTRY_BY_NAME: ReadonlyMap<string, string> = buildMap((c) => [c.name, ...c.aliases]);
/** Lower-cased capital (or seat-of-government metonym: Kremlin, White House) → canonical country name. */
export const CAPITAL_TO_COUNTRY: ReadonlyMap<string, string> = buildMap(
  (c) => c.capitals,
  (k) => AMBIGUOUS_CAPITALS.has(k),
);
/** Lower-cased demonym/adjective ("north korean", "russians") → canonical country name. */
export const DEMONYM_TO_COUNTRY: ReadonlyMap<string, string> = buildMap((c) => c.demonyms);

export const US_STATES: ReadonlySet<string> = new Set([
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine',
  'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada',
  'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma',
  'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah',
  'Vermont', 'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming', 'District of Columbia',
  'Puerto Rico', 'Guam',
].map((s) => s.toLowerCase()));

export const CONTINENTS: ReadonlySet<string> = new Set([
  'africa', 'antarctica', 'asia', 'australia', 'europe', 'north america', 'south america', 'latin america',
  'central america', 'oceania', 'eurasia', 'the americas', 'americas',
]);

/** Named regions that are places, not polities (LOC in the OntoNotes sense). */
export const REGIONS: ReadonlySet<string> = new Set([
  'middle east', 'near east', 'far east', 'east asia', 'southeast asia', 'south asia', 'central asia',
  'western europe', 'eastern europe', 'central europe', 'northern europe', 'southern europe', 'balkans',
  'the balkans', 'caucasus', 'the caucasus', 'scandinavia', 'baltics', 'the baltics', 'sahel', 'the sahel',
  'horn of africa', 'sub-saharan africa', 'west africa', 'east africa', 'north africa', 'southern africa',
  'the west', 'west', 'the gulf', 'persian gulf', 'arctic', 'the arctic', 'korean peninsula', 'crimea', 'donbas',
  'donbass', 'gaza strip', 'gaza', 'west bank', 'golan heights', 'kashmir', 'siberia', 'patagonia', 'tibet',
  'xinjiang', 'kurdistan', 'mediterranean', 'the mediterranean', 'pacific', 'atlantic', 'indo-pacific',
]);

/** Head words that make a multi-word name a natural location or geographic feature (LOC), not a polity. */
export const LOC_KEYWORDS: ReadonlySet<string> = new Set([
  'sea', 'ocean', 'gulf', 'bay', 'strait', 'straits', 'channel', 'lake', 'river', 'mountain', 'mountains', 'mount',
  'mt.', 'hills', 'valley', 'peninsula', 'island', 'islands', 'isle', 'desert', 'plain', 'plains', 'basin', 'coast',
  'shore', 'cape', 'canyon', 'glacier', 'forest', 'delta', 'range', 'highlands', 'region', 'border', 'strip',
  'bank', 'heights', 'volcano', 'reef', 'lagoon', 'sound', 'falls', 'creek', 'pass',
]);

/** Head words that make a name an administrative polity (GPE): "Kursk Oblast", "Cook County". */
export const GPE_KEYWORDS: ReadonlySet<string> = new Set([
  'city', 'county', 'province', 'state', 'oblast', 'krai', 'prefecture', 'district', 'municipality', 'borough',
  'township', 'village', 'town', 'republic', 'kingdom', 'emirate', 'canton', 'governorate', 'territory',
]);

export type GeoKind = 'country' | 'capital' | 'demonym' | 'us-state' | 'continent' | 'region';

export interface GeoHit {
  kind: GeoKind;
  /** Canonical country for country names, capitals and demonyms. */
  country?: string;
}

/** What a surface string is geographically, or null. Case-insensitive; a leading "the" is ignored. */
export function lookupGeo(surface: string): GeoHit | null {
  const k = norm(surface);
  const country = COUNTRY_BY_NAME.get(k);
  if (country) return { kind: 'country', country };
  const capitalOf = CAPITAL_TO_COUNTRY.get(k);
  if (capitalOf) return { kind: 'capital', country: capitalOf };
  const demonymOf = DEMONYM_TO_COUNTRY.get(k);
  if (demonymOf) return { kind: 'demonym', country: demonymOf };
  if (US_STATES.has(k)) return { kind: 'us-state' };
  if (CONTINENTS.has(k) || CONTINENTS.has(surface.toLowerCase())) return { kind: 'continent' };
  if (REGIONS.has(k) || REGIONS.has(surface.toLowerCase())) return { kind: 'region' };
  return null;
}

/** Canonical country for a country name, alias, capital or demonym ("Pyongyang", "North Korean") or null. */
export function countryOf(surface: string): string | null {
  return lookupGeo(surface)?.country ?? null;
}

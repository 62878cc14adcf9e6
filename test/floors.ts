/**
 * Regression floors for the evaluation tests, read from test/floors.json (written by `npm run floors`, never by
 * hand) so that no test hard-codes a figure that drifts from the measured one.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/util/paths.js';

export interface FloorEntry { figure: string; measured: number; margin: number; floor: number; command: string }
export interface FloorsFile {
  header: { generatedBy: string; unit: string; margin: number; marginPolicy: string };
  floors: Record<string, FloorEntry>;
}

export const FLOORS_FILE = path.join(packageRoot(), 'test', 'floors.json');

let cached: FloorsFile | null = null;

export function readFloors(): FloorsFile {
  return (cached ??= JSON.parse(fs.readFileSync(FLOORS_FILE, 'utf8')) as FloorsFile);
}

/** The floor named `name` (percent); throws when test/floors.json has no such entry. */
export function floor(name: string): number {
  const entry = readFloors().floors[name];
  if (!entry) throw new Error(`no floor "${name}" in ${FLOORS_FILE}: add it to scripts/floors.ts and run npm run floors`);
  return entry.floor;
}

/** Asserts that `value` (percent) is at or above the floor named `name`, saying what was measured when it is not. */
export function assertFloor(name: string, value: number, detail = ''): void {
  const entry = readFloors().floors[name];
  const min = floor(name);
  assert.ok(value >= min, `${name} = ${value.toFixed(2)} is below its floor ${min.toFixed(2)} `
    + `(measured ${entry!.measured.toFixed(2)} by ${entry!.command})${detail ? `; ${detail}` : ''}`);
}

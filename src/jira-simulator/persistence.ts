import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SimulatorState } from './model';
import { simulatorStateSchema } from './state-schema';

const STATE_FILE = 'jira-simulator-state.json';

/** Saves the whole state as one JSON file, atomically: a temporary file renamed over the old one. */
export class StateFile {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, STATE_FILE);
  }

  /** The saved state, or null when the folder holds none yet. */
  async load(): Promise<SimulatorState | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if (isMissingFile(error)) return null;
      throw error;
    }
    return simulatorStateSchema.parse(JSON.parse(text));
  }

  async save(state: SimulatorState): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(state));
    await rename(temporary, this.file);
  }
}

function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

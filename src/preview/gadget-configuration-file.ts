import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';

const configurationSchema = z.record(z.string(), z.json());
export type GadgetConfiguration = z.infer<typeof configurationSchema>;

/** What the dashboard stores for the gadget in Jira: the edit view's last `view.submit`, kept in the data folder. */
export class GadgetConfigurationFile {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'gadget-configuration.json');
  }

  async load(): Promise<GadgetConfiguration | null> {
    try {
      return configurationSchema.parse(JSON.parse(await readFile(this.file, 'utf8')));
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
      throw error;
    }
  }

  async save(configuration: GadgetConfiguration): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    await writeFile(this.file, JSON.stringify(configuration, null, 2));
  }
}

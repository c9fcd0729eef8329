import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(__filename);
const root = path.resolve(__dirname, '../..');

describe('electron-builder.yml', () => {
  it("passes electron-builder 26's own schema and flips the hardening fuses", async () => {
    const yaml = require('js-yaml') as { load(text: string): Record<string, unknown> };
    const config = yaml.load(await readFile(path.join(root, 'electron-builder.yml'), 'utf8'));
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(c: unknown, log: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await validateConfiguration(config, { isEnabled: false, add: () => undefined });
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // The fuses need the app inside an asar; a misspelt key would have failed the schema above.
    expect(config.asar).toBe(true);
    await expect(validateConfiguration({ ...config, electronFuses: { runAsNodes: false } }, { isEnabled: false, add: () => undefined })).rejects.toThrow(/electronFuses/);
  });
});

import { describe, expect, it } from 'vitest';
import { DESKTOP_METHODS, MAX_IPC_FILE_BYTES, PayloadError, ipcChannel } from '../../shared/desktop-api';
import { IpcSenderError, registerIpc, type InvokeEventLike } from './ipc';
import { mainContents, mainFrame, setup, trustedEvent } from '../../tests/fixtures/ipc';

describe('sender check', async () => {
  const { handlers, deps, projects, temps } = await setup();
  const known = await projects.remember('/home/u/Documents/社区调查.sgwp');
  const calls: [string, (e: InvokeEventLike) => Promise<unknown>][] = [
    ['getAppInfo', (e) => handlers.getAppInfo(e)],
    ['openFiles', (e) => handlers.openFiles(e, {})],
    ['saveFile', (e) => handlers.saveFile(e, { suggestedName: 'a.csv', bytes: new Uint8Array(1) })],
    ['printToPdf', (e) => handlers.printToPdf(e, { suggestedName: 'a.pdf' })],
    ['openExternal', (e) => handlers.openExternal(e, 'https://example.com/')],
    ['openProject', (e) => handlers.openProject(e, { handleId: known.id })],
    ['readProject', (e) => handlers.readProject(e, { sessionId: 'a'.repeat(32), offset: 0, length: 1 })],
    ['closeProject', (e) => handlers.closeProject(e, { sessionId: 'a'.repeat(32) })],
    ['beginProjectSave', (e) => handlers.beginProjectSave(e, { suggestedName: 'a.sgwp', size: 1, handleId: known.id })],
    ['appendProjectSave', (e) => handlers.appendProjectSave(e, { sessionId: 'a'.repeat(32), parts: [new Uint8Array(1)] })],
    ['finishProjectSave', (e) => handlers.finishProjectSave(e, { sessionId: 'a'.repeat(32) })],
    ['abortProjectSave', (e) => handlers.abortProjectSave(e, { sessionId: 'a'.repeat(32) })],
    ['recentProjects', (e) => handlers.recentProjects(e)],
    ['setLanguage', (e) => handlers.setLanguage(e, 'en')],
  ];

  it('covers every invoke method', () => {
    expect(calls.map(([m]) => m).sort()).toEqual([...DESKTOP_METHODS].sort());
  });

  it.each(calls)('%s rejects a foreign page URL', async (method, call) => {
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', 'devtools://devtools/']) {
      await expect(call(trustedEvent({ url }))).rejects.toThrow(new RegExp(`desktop\\.${method} refused: calls are only accepted from the app page`));
    }
  });

  it.each(calls)('%s rejects a sub-frame, another frame or another window', async (method, call) => {
    await expect(call(trustedEvent({ parent: {} }))).rejects.toThrow(IpcSenderError);
    await expect(call(trustedEvent({ routingId: 99 }))).rejects.toThrow(/top frame/);
    await expect(call(trustedEvent({ processId: 5 }))).rejects.toThrow(/top frame/);
    await expect(call({ sender: { mainFrame }, senderFrame: mainFrame })).rejects.toThrow(/main window/);
    await expect(call({ sender: mainContents, senderFrame: null })).rejects.toThrow(`desktop.${method} refused: the calling frame is gone`);
  });

  it('rejects everything while there is no main window', async () => {
    const { handlers: h } = await setup({ mainContents: () => null });
    await expect(h.getAppInfo(trustedEvent())).rejects.toThrow(/main window/);
  });

  it('does nothing on refusal', () => {
    expect(deps.dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(deps.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(deps.external.open).not.toHaveBeenCalled();
    expect(deps.fs.readFile).not.toHaveBeenCalled();
    expect(deps.fs.writeFileAtomic).not.toHaveBeenCalled();
    expect(temps.size).toBe(0);
    expect(deps.setLanguage).not.toHaveBeenCalled();
  });
});

describe('setLanguage', () => {
  it('hands a valid language to main, refuses anything else before it reaches the menu', async () => {
    const { handlers, deps } = await setup();
    await handlers.setLanguage(trustedEvent(), 'en');
    await handlers.setLanguage(trustedEvent(), 'zh-CN');
    expect(deps.setLanguage.mock.calls).toEqual([['en'], ['zh-CN']]);
    for (const bad of ['fr', 'EN', '', null, undefined, { lang: 'en' }, ['en']]) {
      const err = await handlers.setLanguage(trustedEvent(), bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PayloadError);
      expect((err as Error).message).toBe('desktop.setLanguage: invalid request: language must be zh-CN or en');
    }
    expect(deps.setLanguage).toHaveBeenCalledTimes(2);
  });
});

describe('getAppInfo', () => {
  it('reports the electron shell, version and platform', async () => {
    const { handlers } = await setup();
    await expect(handlers.getAppInfo(trustedEvent())).resolves.toEqual({ shell: 'electron', version: '0.1.0', platform: 'linux' });
  });
});

describe('openFiles', () => {
  it('rejects bad payloads with a clear message before opening a dialog', async () => {
    const { handlers, deps } = await setup();
    const bad: [unknown, RegExp][] = [
      [null, /desktop\.openFiles: invalid request: request must be an object/],
      ['x', /request must be an object/],
      [{ multiple: 'yes' }, /multiple must be true or false/],
      [{ filters: [{ name: 'CSV', extensions: ['../csv'] }] }, /filter extensions must be plain extensions/],
      [{ title: 'x'.repeat(500) }, /title must be short text/],
    ];
    for (const [payload, message] of bad) {
      const err = await handlers.openFiles(trustedEvent(), payload).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PayloadError);
      expect((err as Error).message).toMatch(message);
    }
    expect(deps.dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('passes title, filters and multi-select to the dialog and reads the chosen files', async () => {
    const { handlers, deps } = await setup();
    deps.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/data/人口.csv', '/data/b.xlsx'] });
    const filters = [{ name: '表格', extensions: ['csv', 'xlsx'] }];
    const files = await handlers.openFiles(trustedEvent(), { title: '导入数据', filters, multiple: true });
    expect(deps.dialog.showOpenDialog).toHaveBeenCalledWith({ title: '导入数据', filters, properties: ['openFile', 'multiSelections'] });
    expect(files.map((f) => f.name)).toEqual(['人口.csv', 'b.xlsx']);
    expect('bytes' in files[0]! && new TextDecoder().decode(files[0].bytes)).toContain('140967');
  });

  it('opens a single file by default and resolves [] on cancel', async () => {
    const { handlers, deps } = await setup();
    deps.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(handlers.openFiles(trustedEvent(), {})).resolves.toEqual([]);
    expect(deps.dialog.showOpenDialog).toHaveBeenCalledWith({ properties: ['openFile'] });
    expect(deps.fs.readFile).not.toHaveBeenCalled();
  });

  it('refuses too-large files after stat, before reading anything', async () => {
    const { handlers, deps } = await setup();
    deps.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/data/人口.csv', '/data/huge.csv'] });
    deps.fs.stat.mockImplementation(async (file: string) => ({
      size: file.endsWith('huge.csv') ? MAX_IPC_FILE_BYTES + 1 : 10,
      isFile: () => true,
    }));
    await expect(handlers.openFiles(trustedEvent(), { multiple: true })).rejects.toThrow(
      /"huge\.csv" is 1025 MB; files larger than 1024 MB cannot be opened/,
    );
    expect(deps.fs.readFile).not.toHaveBeenCalled();
  });

  it('refuses a selection whose total is too large, and folders', async () => {
    const { handlers, deps } = await setup();
    deps.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/a', '/b'] });
    deps.fs.stat.mockImplementation(async () => ({ size: MAX_IPC_FILE_BYTES / 2 + 1, isFile: () => true }));
    await expect(handlers.openFiles(trustedEvent(), { multiple: true })).rejects.toThrow(/add up to/);

    deps.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/data'] });
    deps.fs.stat.mockImplementation(async () => ({ size: 0, isFile: () => false }));
    await expect(handlers.openFiles(trustedEvent(), {})).rejects.toThrow(/"data" is not a regular file/);
    expect(deps.fs.readFile).not.toHaveBeenCalled();
  });
});

describe('printToPdf', () => {
  it('refuses a name that is not a plain .pdf file before printing anything', async () => {
    const { handlers, deps } = await setup();
    for (const payload of [undefined, { suggestedName: '../x.pdf' }, { suggestedName: 'x.exe' }, { suggestedName: 3 }]) {
      await expect(handlers.printToPdf(trustedEvent(), payload)).rejects.toThrow(/desktop\.printToPdf: invalid request/);
    }
    expect(deps.printToPdf).not.toHaveBeenCalled();
    expect(deps.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('prints the page, asks where to save the PDF and writes it atomically', async () => {
    const { handlers, deps } = await setup();
    deps.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/u/Documents/上海社会组织.pdf' });
    const result = await handlers.printToPdf(trustedEvent(), { suggestedName: '上海社会组织.pdf' });
    expect(deps.printToPdf).toHaveBeenCalledTimes(1);
    expect(deps.dialog.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: '/home/u/Documents/上海社会组织.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    expect(deps.fs.writeFileAtomic).toHaveBeenCalledWith('/home/u/Documents/上海社会组织.pdf', new TextEncoder().encode('%PDF-1.4 page'));
    expect(result).toEqual({ saved: true, location: '/home/u/Documents/上海社会组织.pdf' });
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { handlers, deps } = await setup();
    deps.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(handlers.printToPdf(trustedEvent(), { suggestedName: 'a.pdf' })).resolves.toEqual({ saved: false });
    expect(deps.fs.writeFileAtomic).not.toHaveBeenCalled();
  });
});

describe('saveFile', () => {
  const bytes = new TextEncoder().encode('a,b\n1,2\n');

  it('rejects bad payloads with a clear message before opening a dialog', async () => {
    const { handlers, deps } = await setup();
    const bad: [unknown, RegExp][] = [
      [undefined, /desktop\.saveFile: invalid request: request must be an object/],
      [{ suggestedName: '../../.bashrc', bytes }, /suggestedName must be a plain file name/],
      [{ suggestedName: 'C:\\x.csv', bytes }, /suggestedName must be a plain file name/],
      [{ suggestedName: 'a.csv', bytes: 'text' }, /bytes must be a Uint8Array/],
      [{ suggestedName: 'a.csv', bytes: [1, 2] }, /bytes must be a Uint8Array/],
      [{ suggestedName: 'a.csv', bytes, filters: 'csv' }, /filters must be a short list/],
    ];
    for (const [payload, message] of bad) {
      await expect(handlers.saveFile(trustedEvent(), payload)).rejects.toThrow(message);
    }
    expect(deps.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(deps.fs.writeFileAtomic).not.toHaveBeenCalled();
  });

  it('asks where to save (overwrite confirmed by the OS dialog) and writes atomically', async () => {
    const { handlers, deps } = await setup();
    const filters = [{ name: 'Excel', extensions: ['xlsx'] }];
    const result = await handlers.saveFile(trustedEvent(), { suggestedName: '人口统计.xlsx', bytes, filters });
    expect(deps.dialog.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: '/home/u/Documents/人口统计.xlsx',
      filters,
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    expect(deps.fs.writeFileAtomic).toHaveBeenCalledWith('/home/u/Documents/out.xlsx', bytes);
    expect(result).toEqual({ saved: true, location: '/home/u/Documents/out.xlsx' });
  });

  it('reports a cancelled dialog without writing', async () => {
    const { handlers, deps } = await setup();
    deps.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(handlers.saveFile(trustedEvent(), { suggestedName: 'a.csv', bytes })).resolves.toEqual({ saved: false });
    expect(deps.fs.writeFileAtomic).not.toHaveBeenCalled();
  });

  it('propagates write failures', async () => {
    const { handlers, deps } = await setup();
    deps.fs.writeFileAtomic.mockRejectedValueOnce(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    await expect(handlers.saveFile(trustedEvent(), { suggestedName: 'a.csv', bytes })).rejects.toThrow(/EACCES/);
  });
});

describe('openExternal', () => {
  it('hands valid links to the guarded opener, which asks before anything opens (external-links.ts)', async () => {
    const { handlers, deps } = await setup();
    await handlers.openExternal(trustedEvent(), 'https://data.stats.gov.cn/easyquery.htm?cn=C01');
    expect(deps.external.open.mock.calls).toEqual([['https://data.stats.gov.cn/easyquery.htm?cn=C01']]);
  });

  it('refuses other schemes and junk', async () => {
    const { handlers, deps } = await setup();
    for (const [url, message] of [
      ['file:///etc/passwd', /only http\(s\) and mailto links open outside/],
      ['javascript:alert(1)', /only http\(s\) and mailto/],
      ['smb://host/share', /only http\(s\) and mailto/],
      ['not a url', /url is not valid/],
      [42, /url must be text/],
    ] as const) {
      await expect(handlers.openExternal(trustedEvent(), url)).rejects.toThrow(message);
    }
    expect(deps.external.open).not.toHaveBeenCalled();
  });
});

describe('registerIpc', () => {
  it('registers exactly one handler per DesktopApi method on its channel', async () => {
    const { handlers } = await setup();
    const registered = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    registerIpc({ handle: (channel, listener) => void registered.set(channel, listener as never) }, handlers);
    expect([...registered.keys()].sort()).toEqual(DESKTOP_METHODS.map(ipcChannel).sort());
    expect(Object.keys(handlers).sort()).toEqual([...DESKTOP_METHODS].sort());
    await expect(registered.get('desktop:getAppInfo')!(trustedEvent())).resolves.toMatchObject({ shell: 'electron' });
    await expect(registered.get('desktop:openExternal')!(trustedEvent({ url: 'https://x/' }), 'https://x/')).rejects.toThrow(IpcSenderError);
  });
});

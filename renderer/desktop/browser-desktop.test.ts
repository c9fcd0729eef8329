import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { MAX_IPC_FILE_BYTES } from '../../shared/desktop-api';
import { acceptFor, createBrowserDesktop, normalizePlatform, type BrowserEnv } from './browser-desktop';

/** Just enough of a DOM element for the fallback: attributes, events, click, remove. */
class FakeElement {
  type = '';
  multiple = false;
  accept = '';
  href = '';
  download = '';
  rel = '';
  style: Record<string, string> = {};
  files: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> }[] | null = null;
  removed = false;
  private events = new EventEmitter();
  constructor(
    readonly tag: string,
    private onClick: (el: FakeElement) => void,
  ) {}
  addEventListener(name: string, fn: () => void, opts?: { once?: boolean }) {
    if (opts?.once) this.events.once(name, fn);
    else this.events.on(name, fn);
  }
  dispatch(name: string) {
    this.events.emit(name);
  }
  click() {
    this.onClick(this);
  }
  remove() {
    this.removed = true;
  }
}

function fakeFile(name: string, text: string) {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.byteLength, arrayBuffer: async () => bytes.buffer.slice(0) as ArrayBuffer };
}

function setup(onClick: (el: FakeElement) => void = () => undefined) {
  const created: FakeElement[] = [];
  const appended: FakeElement[] = [];
  const env = {
    document: {
      createElement: (tag: string) => {
        const el = new FakeElement(tag, onClick);
        created.push(el);
        return el;
      },
      body: { append: (el: FakeElement) => void appended.push(el) },
    } as unknown as BrowserEnv['document'],
    open: vi.fn(),
    createObjectURL: vi.fn((_blob: Blob) => 'blob:app/1'),
    revokeObjectURL: vi.fn(),
    setTimeout: vi.fn((fn: () => void) => fn()),
    print: vi.fn(),
    version: '0.1.0',
    platform: 'linux',
  } satisfies BrowserEnv;
  return { env, created, appended, desktop: createBrowserDesktop(env) };
}

describe('browser desktop fallback', () => {
  it('prints to PDF through the browser’s print dialog, after the same payload check', async () => {
    const { desktop, env } = setup();
    await expect(desktop.printToPdf({ suggestedName: '仪表板.pdf' })).resolves.toEqual({ saved: false, printDialog: true });
    expect(env.print).toHaveBeenCalledTimes(1);
    await expect(desktop.printToPdf({ suggestedName: 'a/b.pdf' })).rejects.toThrow(/plain \.pdf file name/);
    expect(env.print).toHaveBeenCalledTimes(1);
  });

  it('reports the web shell', async () => {
    const { desktop } = setup();
    await expect(desktop.getAppInfo()).resolves.toEqual({ shell: 'web', version: '0.1.0', platform: 'linux' });
  });

  it('opens files through a hidden multiple file input filtered by extension', async () => {
    const { desktop, created } = setup((input) => {
      input.files = [fakeFile('人口.csv', '年份,人口'), fakeFile('b.json', '{}')];
      input.dispatch('change');
    });
    const files = await desktop.openFiles({ multiple: true, filters: [{ name: '数据', extensions: ['CSV', 'json'] }] });
    const input = created[0]!;
    expect(input).toMatchObject({ tag: 'input', type: 'file', multiple: true, accept: '.csv,.json', removed: true });
    expect(input.style.display).toBe('none');
    expect(files.map((f) => f.name)).toEqual(['人口.csv', 'b.json']);
    // The File itself, unread: the import worker reads it by slices.
    const first = files[0]!;
    expect('blob' in first && first.blob).toBe(input.files![0]);
    expect('bytes' in first).toBe(false);
  });

  it('resolves [] when the picker is cancelled', async () => {
    const { desktop, created } = setup((input) => input.dispatch('cancel'));
    await expect(desktop.openFiles({})).resolves.toEqual([]);
    expect(created[0]!.removed).toBe(true);
  });

  it('refuses files above the size limit and bad requests', async () => {
    const { desktop } = setup((input) => {
      input.files = [{ name: 'huge.csv', size: MAX_IPC_FILE_BYTES + 1, arrayBuffer: async () => new ArrayBuffer(0) }];
      input.dispatch('change');
    });
    await expect(desktop.openFiles({})).rejects.toThrow(/"huge\.csv" is 1025 MB/);
    await expect(desktop.openFiles({ multiple: 'yes' } as never)).rejects.toThrow(/multiple must be true or false/);
  });

  it('saves through a download link and revokes the object URL later', async () => {
    let clicked: FakeElement | undefined;
    const { desktop, env } = setup((a) => (clicked = a));
    const result = await desktop.saveFile({ suggestedName: '人口统计.xlsx', bytes: new Uint8Array([1, 2, 3]) });
    expect(result).toEqual({ saved: true, location: '人口统计.xlsx' });
    expect(clicked).toMatchObject({ tag: 'a', href: 'blob:app/1', download: '人口统计.xlsx', removed: true });
    const blob = env.createObjectURL.mock.calls[0]![0];
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(env.revokeObjectURL).toHaveBeenCalledWith('blob:app/1');
    await expect(desktop.saveFile({ suggestedName: '../evil.sh', bytes: new Uint8Array() })).rejects.toThrow(/plain file name/);
  });

  it('opens only http(s)/mailto links, in a new tab without opener', async () => {
    const { desktop, env } = setup();
    await desktop.openExternal('https://www.stats.gov.cn/');
    expect(env.open).toHaveBeenCalledWith('https://www.stats.gov.cn/', '_blank', 'noopener');
    await expect(desktop.openExternal('javascript:alert(1)')).rejects.toThrow(/only http\(s\) and mailto/);
    expect(env.open).toHaveBeenCalledTimes(1);
  });
});

describe('browser desktop fallback: projects', () => {
  it('opens a project through a single .sgwp file input, without a handle, and reads it in ranges', async () => {
    const { desktop, created } = setup((input) => {
      input.files = [new File([new TextEncoder().encode('PK社区')], '社区调查.sgwp')];
      input.dispatch('change');
    });
    const opened = await desktop.openProject({});
    expect(created[0]).toMatchObject({ tag: 'input', type: 'file', multiple: false, accept: '.sgwp', removed: true });
    expect(opened).toEqual({ handle: null, name: '社区调查.sgwp', size: 8, sessionId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const read = (offset: number, length: number) => desktop.readProject({ sessionId: opened!.sessionId, offset, length });
    expect(new TextDecoder().decode(await read(0, 2))).toBe('PK');
    expect(await read(2, 6)).toEqual(new TextEncoder().encode('社区'));
    await expect(read(4, 5)).rejects.toThrow(/past the end/);
    await desktop.closeProject({ sessionId: opened!.sessionId });
    await expect(read(0, 2)).rejects.toThrow(/unknown or ended session/);
    await expect(desktop.readProject({ sessionId: '../x', offset: 0, length: 1 })).rejects.toThrow(/sessionId is not a session/);
  });

  it('resolves null when the picker is cancelled, and refuses handles', async () => {
    const cancelled = setup((input) => input.dispatch('cancel'));
    await expect(cancelled.desktop.openProject({})).resolves.toBeNull();
    await expect(cancelled.desktop.openProject({ handleId: 'a'.repeat(32) })).rejects.toThrow(/only available in the desktop app/);
    await expect(cancelled.desktop.openProject({ handleId: '/etc/passwd' })).rejects.toThrow(/handleId is not a project handle/);
    expect(cancelled.created).toHaveLength(1);
  });

  it('saves a project as a download through a save session: saved, but no handle to save over later', async () => {
    let clicked: FakeElement | undefined;
    const { desktop, env } = setup((a) => (clicked = a));
    const session = await desktop.beginProjectSave({ suggestedName: '社区调查.sgwp', size: 4 });
    // The file's pieces, in order, over two messages, become the download's bytes.
    await desktop.appendProjectSave({ ...session!, parts: [new Uint8Array([0x50, 0x4b]), new Uint8Array()] });
    await desktop.appendProjectSave({ ...session!, parts: [new Uint8Array([3, 4])] });
    expect(env.createObjectURL).not.toHaveBeenCalled();
    await expect(desktop.finishProjectSave(session!)).resolves.toEqual({ saved: true });
    expect(clicked).toMatchObject({ tag: 'a', download: '社区调查.sgwp', removed: true });
    expect(new Uint8Array(await env.createObjectURL.mock.calls[0]![0].arrayBuffer())).toEqual(new Uint8Array([0x50, 0x4b, 3, 4]));
    await expect(desktop.finishProjectSave(session!)).rejects.toThrow(/unknown or ended session/);
    await expect(desktop.beginProjectSave({ suggestedName: '../a.sgwp', size: 0 })).rejects.toThrow(/plain file name/);
    await expect(desktop.appendProjectSave({ ...session!, parts: [new Uint8Array(1), 'PK' as never] })).rejects.toThrow(/parts must be a list of Uint8Array/);
  });

  it('downloads nothing for a save that is aborted or short of its size', async () => {
    const { desktop, env } = setup();
    const aborted = (await desktop.beginProjectSave({ suggestedName: 'a.sgwp', size: 1 }))!;
    await desktop.appendProjectSave({ ...aborted, parts: [new Uint8Array(1)] });
    await desktop.abortProjectSave(aborted);
    await expect(desktop.finishProjectSave(aborted)).rejects.toThrow(/unknown or ended session/);
    const short = (await desktop.beginProjectSave({ suggestedName: 'a.sgwp', size: 3 }))!;
    await desktop.appendProjectSave({ ...short, parts: [new Uint8Array(2)] });
    await expect(desktop.finishProjectSave(short)).rejects.toThrow(/2 of 3 bytes/);
    expect(env.createObjectURL).not.toHaveBeenCalled();
  });

  it('has no recent projects and no native menu', async () => {
    const { desktop } = setup();
    await expect(desktop.recentProjects()).resolves.toEqual([]);
    await expect(desktop.setLanguage('en')).resolves.toBeUndefined();
    await expect(desktop.setLanguage('fr' as never)).rejects.toThrow(/language must be zh-CN or en/);
    const listener = vi.fn();
    const stop = desktop.onMenuCommand(listener);
    expect(typeof stop).toBe('function');
    stop();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('helpers', () => {
  it('builds the accept attribute', () => {
    expect(acceptFor(undefined)).toBe('');
    expect(acceptFor([{ name: 'all', extensions: ['*'] }, { name: 'csv', extensions: ['csv'] }])).toBe('');
    expect(acceptFor([{ name: 'a', extensions: ['csv', 'xlsx'] }, { name: 'b', extensions: ['CSV'] }])).toBe('.csv,.xlsx');
  });

  it('normalises navigator.platform to Node names', () => {
    expect(normalizePlatform('Win32')).toBe('win32');
    expect(normalizePlatform('MacIntel')).toBe('darwin');
    expect(normalizePlatform('Linux x86_64')).toBe('linux');
    expect(normalizePlatform('')).toBe('unknown');
  });
});

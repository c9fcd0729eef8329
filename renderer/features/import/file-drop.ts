/**
 * Files dropped anywhere on the window go to the import screen: a window-level listener (installed once)
 * queues them and switches to the 导入数据 tab, whose screen takes the queue when it mounts or is notified.
 */
type Listener = (files: File[]) => void;

let queue: File[] = [];
let listener: Listener | null = null;
let installed = false;

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function installWindowDrop(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener('dragover', (e) => {
    if (hasFiles(e)) e.preventDefault();
  });
  window.addEventListener('drop', (e) => {
    // Project files (.sgwp) belong to the project feature.
    const files = Array.from(e.dataTransfer?.files ?? []).filter((f) => !/\.sgwp$/i.test(f.name));
    if (files.length === 0) return;
    e.preventDefault();
    if (listener) listener(files);
    else {
      queue.push(...files);
      document.getElementById('tab-import')?.click();
    }
  });
}

/** The import screen subscribes while mounted and receives anything queued before. */
export function onDroppedFiles(fn: Listener): () => void {
  listener = fn;
  if (queue.length) {
    const files = queue;
    queue = [];
    fn(files);
  }
  return () => {
    if (listener === fn) listener = null;
  };
}

import type { DroppedFile } from '../../stores/import';

/**
 * Reads the files of a drop, with the files directly inside a dropped folder, as the importer reads a
 * picked folder. Returns the names that could not be read separately, e.g. a file removed meanwhile.
 */
export async function readDrop(transfer: DataTransfer): Promise<{ files: DroppedFile[]; unreadable: string[] }> {
  const entries = [...transfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null);
  const plainFiles = [...transfer.files];

  const files: DroppedFile[] = [];
  const unreadable: string[] = [];
  const add = async (file: File): Promise<void> => {
    try {
      files.push({ name: file.name, bytes: await file.arrayBuffer() });
    } catch {
      unreadable.push(file.name);
    }
  };

  // Some drops (synthetic ones in tests, some file managers) carry files but no entries.
  if (entries.length === 0) {
    for (const file of plainFiles) await add(file);
    return { files, unreadable };
  }

  for (const entry of entries) {
    if (entry.isDirectory) {
      for (const child of await readFolder(entry as FileSystemDirectoryEntry)) await add(await entryFile(child));
    } else {
      await add(await entryFile(entry as FileSystemFileEntry));
    }
  }
  return { files, unreadable };
}

/** Lists the files directly inside a folder; `readEntries` returns at most 100 at a time, so it is called until empty. */
async function readFolder(folder: FileSystemDirectoryEntry): Promise<FileSystemFileEntry[]> {
  const reader = folder.createReader();
  const found: FileSystemFileEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const entry of batch) if (entry.isFile && /\.(json|csv|tsv|txt)$/i.test(entry.name)) found.push(entry as FileSystemFileEntry);
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

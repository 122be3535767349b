import type { DroppedFile } from '../../stores/import';

/**
 * Reads the files of a drop. A dropped folder contributes the files directly inside it, as the importer
 * reads a picked folder. Files that cannot be read (e.g. removed meanwhile) are listed in `unreadable`.
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

/** Lists the import files directly inside a folder. `readEntries` may return them in batches, so it is called until it returns none. */
async function readFolder(folder: FileSystemDirectoryEntry): Promise<FileSystemFileEntry[]> {
  const reader = folder.createReader();
  const found: FileSystemFileEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const entry of batch) if (entry.isFile && /\.(json|csv|tsv|txt)$/i.test(entry.name)) found.push(entry as FileSystemFileEntry);
  }
  // Name order, as the importer reads a picked folder; names in one folder are distinct.
  return found.sort((a, b) => (a.name < b.name ? -1 : 1));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

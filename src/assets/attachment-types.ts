/**
 * The files an article may attach, by extension, with the name of their type as readers know it:
 * what government sites publish (PDF, Office and WPS documents, OFD, archives). A link to such a file
 * is an attachment: the file is copied next to the page and listed under 附件.
 */
const TYPES: Readonly<Record<string, string>> = {
  pdf: 'PDF',
  doc: 'Word',
  docx: 'Word',
  xls: 'Excel',
  xlsx: 'Excel',
  ppt: 'PowerPoint',
  pptx: 'PowerPoint',
  // WPS Office's own formats: text, spreadsheet and presentation.
  wps: 'WPS',
  et: 'WPS',
  dps: 'WPS',
  ofd: 'OFD',
  zip: 'ZIP',
  rar: 'RAR',
};

/** The type of the attachment at `file` (a path or an address, without query or hash), or undefined. */
export function attachmentType(file: string): string | undefined {
  const dot = file.lastIndexOf('.');
  if (dot === -1 || file.indexOf('/', dot) !== -1) return undefined;
  return TYPES[file.slice(dot + 1).toLowerCase()];
}

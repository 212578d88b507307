// Writes docs/编辑指南.md, the sample site's guide, from starter/docs/编辑指南.md and site.yaml
// (run by `npm run guide` and by `prepare`, so that `npm pack` ships the guide of the current starter).
// Uses the compiled lib/: run `npm run compile` first after changing src/.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../lib/paths.js';
import { SAMPLE_GUIDE, sampleGuide } from '../lib/scaffold/sample-guide.js';

await writeFile(path.join(PACKAGE_ROOT, ...SAMPLE_GUIDE.split('/')), await sampleGuide());

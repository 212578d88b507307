/** The thread that stats files for statsOffThread (stats-off-thread.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { statNumbers } from './file-stats.js';

const numbers = statNumbers(workerData as readonly string[]);
parentPort?.postMessage(numbers, [numbers.buffer as ArrayBuffer]);

import { runDemo } from './run-demo.ts';

// Keeps its data in a local folder between runs; GONGWEN_DATA_DIR chooses another.
await runDemo(process.env.GONGWEN_DATA_DIR ?? new URL('../.data', import.meta.url).pathname);

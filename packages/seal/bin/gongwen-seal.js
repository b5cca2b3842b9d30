#!/usr/bin/env node
// The `gongwen-seal` command inside the workspace: runs the TypeScript source through tsx.
// The published package's "bin" is the compiled dist/gongwen-seal.mjs (scripts/pack.mjs).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli-bin.ts');

#!/usr/bin/env node
// The `gongwen-seal` command: compiled to dist/gongwen-seal.mjs for the published package;
// inside the workspace bin/gongwen-seal.js runs this file through tsx.
import { main } from './cli.ts';

process.exitCode = await main(process.argv.slice(2));

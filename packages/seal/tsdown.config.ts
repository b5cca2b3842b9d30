import { library } from '../../tsdown.library.ts';

// The `gongwen-seal` command is built beside the library entries (published "bin").
export default library(import.meta.dirname, { entry: { 'gongwen-seal': 'src/cli-bin.ts' } });

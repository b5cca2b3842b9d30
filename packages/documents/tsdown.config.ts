import { library } from '../../tsdown.library.ts';

// The .docx template's XML parts are read at run time from `template/` beside the module.
export default library(import.meta.dirname, {
  copy: [{ from: 'src/template/*.xml', to: 'dist/template' }],
});

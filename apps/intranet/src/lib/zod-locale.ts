import { z } from 'zod';

// Default zod messages in 简体中文, for every schema that does not name its own message.
// Imported by the tRPC server and by the client providers, so both sides agree.
z.config(z.locales.zhCN());
// Procedure inputs refuse keys they do not name (strict objects): say which, plainly.
z.config({
  customError: (issue) =>
    issue.code === 'unrecognized_keys' ? `不允许的字段：${issue.keys.join('、')}` : undefined,
});

export { z };

import type { Metadata } from 'next';
import { connection } from 'next/server';
import { NotFoundResult } from '~/components/forbidden';

export const metadata: Metadata = { title: '页面不存在' };

/**
 * What `notFound()` and unknown addresses render, with HTTP 404. Rendered per request (not
 * prerendered at build) so that its scripts carry the request's CSP nonce.
 */
export default async function NotFound() {
  await connection();
  return <NotFoundResult />;
}

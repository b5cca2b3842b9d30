import NextAuth from 'next-auth';
import { getAuthOptions } from '~/server/auth';

export const dynamic = 'force-dynamic';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: RouteContext): Promise<Response> {
  // Options are built on the first request, not at import (the build needs no secret).
  return NextAuth(req as never, ctx as never, getAuthOptions());
}

export { handler as GET, handler as POST };

import { asUser } from '~/server/services/outgoing/http';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * GET /api/outgoing/seal-certificate: the signed-in user's unit CA certificate (PEM), the trust
 * anchor with which anyone verifies the unit's sealed documents offline (`gongwen-seal verify
 * --ca`, `pdfsig`, `openssl cms -verify`). Public material: no key is ever served.
 */
export async function GET(req: Request) {
  return asUser(req, async (app, user) => {
    const pem = await app.sealer.unitCaPem(user.unitId);
    return new Response(pem, {
      headers: {
        'content-type': 'application/x-pem-file; charset=utf-8',
        'content-disposition': 'attachment; filename="unit-ca.pem"',
        'cache-control': 'no-store',
      },
    });
  });
}

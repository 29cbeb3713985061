import { z } from 'zod';
import { PublicConfig } from '../schemas/auth.js';
import { defineRoute } from './define.js';

const tags = ['system'];

/** What anyone may ask before signing in: liveness and what the sign-in page needs to know. */
export const systemRoutes = {
  health: defineRoute({
    method: 'GET',
    path: '/health',
    summary: 'Liveness',
    tags,
    access: 'public',
    status: 200,
    response: z.object({ status: z.literal('ok') }),
  }),
  publicConfig: defineRoute({
    method: 'GET',
    path: '/public/config',
    summary: 'What the sign-in page needs to know',
    tags,
    access: 'public',
    status: 200,
    response: PublicConfig,
  }),
} as const;

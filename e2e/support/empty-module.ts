// Stands in for `server-only` outside Next's bundler (vitest); see vitest.config.ts.
export {};

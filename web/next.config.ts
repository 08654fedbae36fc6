import type { NextConfig } from 'next';

const config: NextConfig = {
  // The engines are TypeScript sources in the workspace; Next compiles them like its own code.
  transpilePackages: ['@parley/games', '@parley/protocol'],
  reactStrictMode: true,
};

export default config;

#!/usr/bin/env node
// npm links a workspace's bin into node_modules/.bin, where `npx parley` finds and starts it at
// once; a bin declared by the root package instead makes npx load the whole dependency tree
// first (about a second). The command itself is bin/parley.mjs.
import '../../bin/parley.mjs';

/** @file Fix safety over corpus/peers: see test/harness/fixSafety.ts. Split per folder so the runner can use both cores. */
import { checkFixesOver } from '../harness/fixSafety';

checkFixesOver('peers', true);

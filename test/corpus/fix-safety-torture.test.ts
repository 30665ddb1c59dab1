/** @file Fix safety over corpus/helm and corpus/nasty: see test/harness/fixSafety.ts. */
import { checkFixesOver } from '../harness/fixSafety';

checkFixesOver('helm', true);
checkFixesOver('nasty', true);

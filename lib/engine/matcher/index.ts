/** The multi-pattern matcher: compile in the background, scan in content scripts. */
export { compileMatcher } from './compile';
export { Matcher } from './matcher';
export { compareCandidates, resolveLeftmostLongest } from './resolve';
export { foldString, foldUnit, shapeUnit } from './fold';
export { isWordUnit, needsBoundary } from './word-boundary';

/** Part `catalogue`: the built-in cookie catalogue, for `scan()`, `classify()` and withdrawal. */
export { catalogue } from '../cookies/catalogue';

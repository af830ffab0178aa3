/**
 * How a viewer stands to a subject, as every privacy rule needs it. `blocked` holds when either
 * side has blocked the other.
 */
export type Relationship = 'self' | 'friends' | 'stranger' | 'blocked';

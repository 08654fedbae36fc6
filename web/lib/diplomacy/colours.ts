/**
 * Power colours, chosen for contrast: each unit colour carries its letter legibly (white on the
 * dark ones, near-black on Turkey's gold), and the light tints of owned territory stay distinct.
 */
import type { Power } from './model';

export const POWER_COLOUR: Record<Power, string> = {
  austria: '#c8102e',
  england: '#1e3a8a',
  france: '#1d7fc4',
  germany: '#3f3f46',
  italy: '#15803d',
  russia: '#6d28d9',
  turkey: '#d4a017',
};

/** Text on a unit of this power. */
export const POWER_INK: Record<Power, string> = {
  austria: '#ffffff',
  england: '#ffffff',
  france: '#ffffff',
  germany: '#ffffff',
  italy: '#ffffff',
  russia: '#ffffff',
  turkey: '#1c1917',
};

/** Light fill for territory a power owns. */
export const POWER_TINT: Record<Power, string> = {
  austria: '#f5c6cd',
  england: '#c7d2f0',
  france: '#bfe0f5',
  germany: '#d4d4d8',
  italy: '#bfe5c9',
  russia: '#ddd0f7',
  turkey: '#f6e6b0',
};

export const LAND = '#efe8d4';
export const SEA = '#b7d2e8';
export const FILLER_LAND = '#d9d2c0';
export const FILLER_WATER = '#a6c3dc';

/**
 * Parley's own province boundaries on the standard map, as data for web/scripts/build-board.ts
 * (read at build time only). The engine's map has provinces and adjacency but no coordinates, so
 * every province gets hand-placed seed points (longitude, latitude): each point of real land goes
 * to the land province of its nearest land seed, each point of sea to the sea of its nearest sea
 * seed. Seeds placed on both sides of a familiar border (Norway and Sweden, the Pyrenees, Saxony
 * in Munich, Thrace in Bulgaria) draw it where a Diplomacy player expects it. The first seed of a
 * province is its anchor: where its unit, label and supply centre go.
 *
 * Filler regions are land or water that belongs to no province (Switzerland, Ireland, Iceland,
 * the Sahara, …): drawn, never playable.
 */

export type LonLat = readonly [number, number];

/** Province id → seeds, the first one being the anchor. */
export const PROVINCE_SEEDS: Readonly<Record<string, readonly LonLat[]>> = {
  // Seas and oceans
  nao: [
    [-13, 57.5],
    [-15, 62.5],
    [-16, 53],
    [-11.5, 54.5],
    [-8.2, 57.6],
    [-12, 51.5],
    [-6.0, 55.6],
  ],
  nwg: [
    [2, 66],
    [-6, 63.8],
    [-12, 68.5],
    [8, 69.5],
    [-3, 70.8],
    [14, 71.6],
    [-4.5, 59.8],
  ],
  bar: [
    [38.5, 69.9],
    [34, 71.3],
    [37.5, 65.2],
    [25, 72],
    [42, 70.2],
    [45.5, 71.8],
  ],
  nth: [
    [3, 56],
    [1.5, 53.6],
    [4.5, 58],
    [0.6, 57.5],
    [5.5, 55.3],
    [2.8, 60],
  ],
  ska: [[9.3, 58.0]],
  hel: [
    [7.4, 54.4],
    [6.2, 53.9],
  ],
  bal: [
    [17.5, 55.9],
    [14.5, 55.1],
    [19.5, 57.8],
    [18.8, 55.1],
  ],
  bot: [
    [20.3, 62],
    [22.5, 64.5],
    [24.4, 65.4],
    [25.5, 59.9],
    [22.6, 60.1],
    [28.5, 60.0],
  ],
  eng: [
    [-2.2, 50.0],
    [-5.6, 49.6],
    [0.6, 50.4],
  ],
  iri: [
    [-5.1, 53.6],
    [-5.8, 52.0],
    [-7.8, 50.9],
  ],
  mao: [
    [-12, 45],
    [-6.5, 45.6],
    [-10, 42],
    [-16, 47.5],
    [-14, 39],
    [-10.5, 36.2],
    [-11, 32.5],
    [-8.5, 48.5],
    [-16.5, 41.5],
    [-10.3, 40],
    [-9.7, 37.4],
    [-7.6, 35.4],
  ],
  wes: [
    [3.5, 38.6],
    [0.5, 38.0],
    [-3.4, 36.2],
    [7.2, 38.4],
  ],
  lyo: [
    [5, 42.3],
    [7.2, 43.1],
    [3.4, 41.3],
    [9.0, 43.7],
  ],
  tys: [
    [12, 40],
    [13.7, 39.2],
    [11, 38.5],
    [10.6, 41.6],
  ],
  ion: [
    [18.5, 36.5],
    [19.5, 34.5],
    [16, 34.5],
    [22.5, 35.6],
    [12.6, 34.3],
    [17.3, 39.6],
    [19, 32.6],
  ],
  adr: [
    [15.2, 43.2],
    [13.6, 44.4],
    [17.9, 41.9],
    [12.8, 45.1],
    [16.6, 42.5],
  ],
  aeg: [
    [25, 38.8],
    [25.4, 36.9],
    [24.3, 40.2],
    [26.7, 36.2],
  ],
  eas: [
    [31.5, 34.0],
    [28, 34.6],
    [34.2, 34.2],
    [30, 32.3],
    [34, 32.6],
  ],
  bla: [
    [34, 43.3],
    [31.3, 43.5],
    [37.6, 42.6],
    [30.9, 44.9],
    [35.8, 44.3],
  ],

  // Britain
  cly: [
    [-4.7, 56.6],
    [-5.3, 58.2],
  ],
  edi: [
    [-3.2, 56.9],
    [-2.8, 57.4],
    [-2.6, 55.8],
  ],
  lvp: [
    [-2.8, 53.6],
    [-3.2, 54.6],
    [-4.4, 55.0],
  ],
  yor: [
    [-1.3, 54],
    [-1.2, 52.9],
    [-1.8, 55.1],
  ],
  wal: [
    [-3.8, 52.2],
    [-3.3, 51.3],
    [-4.8, 50.5],
  ],
  lon: [
    [-0.1, 51.5],
    [0.9, 52.4],
  ],

  // France and Iberia
  bre: [
    [-3.1, 48.1],
    [-1.2, 48.6],
  ],
  pic: [
    [2.0, 50.0],
    [0.7, 49.6],
  ],
  par: [
    [2.3, 48.5],
    [1.2, 47.4],
  ],
  bur: [
    [4.8, 47.2],
    [5.6, 45.8],
    [5.6, 48.8],
    [4.0, 46.3],
  ],
  mar: [
    [5.0, 43.9],
    [3.1, 43.6],
    [6.4, 44.5],
  ],
  gas: [
    [-0.4, 44.3],
    [1.0, 43.3],
    [-0.4, 46.1],
    [2.2, 45.3],
  ],
  spa: [
    [-3.7, 40.2],
    [-1.0, 41.6],
    [-4.5, 37.6],
    [-5.6, 42.6],
    [1.6, 41.9],
    [-1.2, 38.6],
  ],
  por: [
    [-8.2, 40.0],
    [-8.0, 37.8],
    [-8.2, 41.7],
  ],

  // Low countries and Germany
  bel: [
    [4.5, 50.7],
    [5.5, 50.0],
  ],
  hol: [
    [5.6, 52.3],
    [6.4, 53.1],
  ],
  ruh: [
    [7.4, 51.2],
    [8.2, 50.2],
  ],
  kie: [
    [9.5, 53.3],
    [8.1, 52.6],
    [10.1, 54.4],
    [10.0, 52.4],
  ],
  ber: [
    [13.3, 52.6],
    [12.1, 53.8],
    [12.5, 52.4],
  ],
  pru: [
    [19.0, 53.9],
    [16.2, 53.8],
    [21.8, 54.7],
  ],
  sil: [
    [16.6, 51.1],
    [15.2, 51.5],
    [17.8, 50.8],
  ],
  mun: [
    [11.4, 48.3],
    [9.3, 48.6],
    [10.6, 50.0],
    [10.2, 51.3],
    [13.0, 50.9],
  ],
  den: [
    [9.3, 56.0],
    [11.6, 55.4],
  ],

  // Scandinavia
  nwy: [
    [9.2, 61.0],
    [6.6, 59.3],
    [10.8, 59.6],
    [11.5, 62.5],
    [14.0, 65.5],
    [17.5, 68.8],
    [21.5, 69.6],
    [27.5, 70.2],
  ],
  swe: [
    [15.0, 59.6],
    [14.0, 57.0],
    [13.2, 59.2],
    [14.5, 62.5],
    [17.0, 65.5],
    [21.0, 67.5],
    [17.4, 63.0],
  ],
  fin: [
    [25.6, 62.4],
    [27.2, 64.8],
    [26.0, 67.6],
    [23.8, 61.0],
  ],

  // Russia
  stp: [
    [31.5, 60.6],
    [34, 63.5],
    [40.5, 64.2],
    [33.5, 67.8],
    [44.5, 66.5],
    [29.5, 62.6],
  ],
  mos: [
    [37.6, 55.8],
    [42.2, 56.5],
    [34.5, 54.0],
    [44.5, 53.2],
    [40.5, 59.0],
    [27.5, 53.8],
  ],
  lvn: [
    [24.6, 57.0],
    [27.6, 57.6],
    [25.2, 55.2],
  ],
  war: [
    [21.0, 52.2],
    [23.5, 51.0],
    [22.7, 53.3],
  ],
  ukr: [
    [30.5, 50.0],
    [33.5, 49.0],
    [28.5, 49.0],
    [31.5, 51.8],
  ],
  sev: [
    [34.6, 45.4],
    [38.0, 47.3],
    [43.5, 45.5],
    [41.0, 50.3],
    [45.0, 49.5],
    [31.0, 46.8],
  ],
  arm: [
    [41.0, 40.4],
    [44.0, 39.8],
    [42.5, 38.5],
    [44.5, 41.9],
  ],

  // Turkey and the Levant
  ank: [
    [32.9, 40.0],
    [33.6, 41.6],
    [36.4, 41.0],
  ],
  con: [
    [28.9, 41.1],
    [26.8, 41.6],
    [30.4, 40.3],
  ],
  smy: [
    [27.6, 38.4],
    [31.0, 37.8],
    [34.5, 37.3],
    [29.5, 39.3],
    [37.5, 38.6],
  ],
  syr: [
    [37.0, 35.2],
    [38.8, 36.6],
    [41.2, 36.3],
    [36.6, 33.5],
  ],

  // The Balkans
  ser: [
    [20.7, 44.2],
    [21.7, 43.0],
  ],
  alb: [
    [19.9, 41.3],
    [20.1, 40.2],
  ],
  gre: [
    [22.0, 39.2],
    [22.4, 37.5],
    [23.0, 40.7],
  ],
  bul: [
    [25.3, 42.7],
    [27.3, 42.6],
    [23.3, 42.3],
    [25.3, 41.2],
  ],
  rum: [
    [25.8, 44.6],
    [24.0, 44.6],
    [27.3, 46.6],
    [28.3, 44.6],
  ],

  // Austria-Hungary
  boh: [
    [14.4, 49.9],
    [16.4, 49.5],
    [17.6, 49.5],
  ],
  vie: [
    [16.1, 48.0],
    [15.0, 47.2],
    [18.5, 48.8],
  ],
  tyr: [
    [11.3, 47.0],
    [13.0, 47.1],
    [13.2, 47.8],
    [10.8, 46.3],
  ],
  tri: [
    [14.4, 45.6],
    [16.0, 44.8],
    [18.2, 43.8],
  ],
  bud: [
    [19.1, 47.5],
    [21.6, 47.6],
    [23.8, 46.8],
  ],
  gal: [
    [23.5, 49.9],
    [25.8, 48.6],
    [20.8, 49.8],
    [19.8, 49.7],
  ],

  // Italy
  pie: [
    [7.7, 45.0],
    [8.5, 44.3],
    [9.0, 45.7],
  ],
  ven: [
    [11.9, 45.5],
    [11.0, 45.2],
    [13.2, 43.6],
  ],
  tus: [
    [11.1, 43.5],
    [10.3, 44.2],
  ],
  rom: [
    [12.6, 42.0],
    [13.5, 41.4],
  ],
  apu: [
    [16.5, 41.0],
    [15.3, 41.7],
    [18.0, 40.3],
    [14.3, 42.1],
  ],
  nap: [
    [14.9, 40.9],
    [16.2, 39.2],
    [14.0, 37.6],
    [15.9, 40.2],
  ],

  // North Africa
  naf: [
    [-1.0, 34.6],
    [-5.5, 33.8],
    [3.0, 36.2],
    [6.0, 35.6],
    [-6.5, 31.6],
  ],
  tun: [
    [9.8, 36.2],
    [9.7, 34.0],
  ],
};

export interface FillerRegion {
  id: string;
  name: string;
  kind: 'land' | 'water';
  seeds: readonly LonLat[];
}

/** Land and water that belong to no province. */
export const FILLERS: readonly FillerRegion[] = [
  { id: '_swi', name: 'Switzerland', kind: 'land', seeds: [[8.2, 46.8]] },
  {
    id: '_ire',
    name: 'Ireland',
    kind: 'land',
    seeds: [
      [-8.0, 53.2],
      [-8.6, 52.3],
      [-7.5, 54.4],
    ],
  },
  { id: '_cor', name: 'Corsica', kind: 'land', seeds: [[9.1, 42.1]] },
  { id: '_sar', name: 'Sardinia', kind: 'land', seeds: [[9.0, 40.1]] },
  {
    id: '_afr',
    name: 'Africa',
    kind: 'land',
    seeds: [
      [-2.5, 30.0],
      [3.0, 31.5],
      [9.5, 31.2],
      [14.0, 31.0],
      [20.5, 30.6],
      [26.0, 30.4],
      [31.0, 29.8],
    ],
  },
  {
    id: '_ara',
    name: 'Arabia',
    kind: 'land',
    seeds: [
      [40.0, 32.0],
      [44.5, 35.0],
      [36.5, 30.0],
    ],
  },
  { id: '_cas', name: 'Caspian Sea', kind: 'water', seeds: [[50.5, 42.5]] },
  { id: '_ice', name: 'Iceland', kind: 'land', seeds: [[-19, 64.9]] },
  { id: '_cre', name: 'Crete', kind: 'land', seeds: [[24.9, 35.2]] },
  { id: '_cyp', name: 'Cyprus', kind: 'land', seeds: [[33.2, 35.0]] },
];

/** Anchors of the named coasts, where a fleet on that coast is drawn. */
export const COAST_ANCHORS: Readonly<Record<string, LonLat>> = {
  'spa/nc': [-6.0, 43.2],
  'spa/sc': [-0.8, 39.2],
  'stp/nc': [35.5, 68.4],
  'stp/sc': [29.6, 60.3],
  'bul/ec': [27.6, 43.1],
  'bul/sc': [25.1, 41.15],
};

/**
 * Places the board must show (longitude, latitude): the frame is the smallest rectangle that holds
 * them once projected: west of Ireland and Portugal, the North Cape, the Volga, the Caspian's
 * shore, the Levant, Tunisia's south; the Sahara and the open Atlantic stay out, as on a
 * Diplomacy board.
 */
export const FRAME_POINTS: readonly LonLat[] = [
  [-12, 55],
  [-10.5, 36],
  [-2, 34],
  [15, 33.3],
  [35.5, 33.6],
  [45.5, 40],
  [45.5, 57],
  [30, 71.2],
  [8, 65],
];

// Vocabulary for FICTIONAL organization names. Agency names are an invented stem (a plant or bird
// plus a place-word, e.g. "Herongate") and a descriptor, so they do not name a real agency; keep
// real agency names out of these lists.

export const STEM_FIRST = [
  'Heron', 'Lantern', 'Sumac', 'Tamarack', 'Thistle', 'Juniper', 'Kestrel', 'Larch', 'Linden', 'Bramble',
  'Wren', 'Quarry', 'Alder', 'Basswood', 'Copper', 'Amber', 'Fern', 'Marsh', 'Oriole', 'Sparrow',
  'Raven', 'Aspen', 'Elder', 'Hazel', 'Sorrel', 'Teasel', 'Yarrow', 'Bittern', 'Loon', 'Otter',
] as const;

export const STEM_SECOND = [
  'gate', 'vale', 'brook', 'crest', 'lea', 'mount', 'bridge', 'stone', 'light', 'ford', 'wick', 'holm',
  'point', 'field', 'hollow', 'haven',
] as const;

export type Descriptor = { en: string; fr: string };

export const EMPLOYMENT_DESCRIPTORS: readonly Descriptor[] = [
  { en: 'Employment Centre', fr: "Centre d'emploi" },
  { en: 'Career Services', fr: 'Services de carrière' },
  { en: 'Job Connections', fr: 'Connexions emploi' },
  { en: 'Pathways to Work', fr: "Parcours vers l'emploi" },
  { en: 'Employment Network', fr: 'Réseau emploi' },
  { en: 'Career Hub', fr: 'Carrefour carrière' },
  { en: 'Jobs and Skills Centre', fr: 'Centre emplois et compétences' },
  { en: 'Employment Co-operative', fr: "Coopérative d'emploi" },
];

export const TRAINING_DESCRIPTORS: readonly Descriptor[] = [
  { en: 'Skills Institute', fr: 'Institut des compétences' },
  { en: 'Training Academy', fr: 'Académie de formation' },
  { en: 'Trades Training Centre', fr: 'Centre de formation aux métiers' },
  { en: 'Digital Skills Lab', fr: 'Laboratoire de compétences numériques' },
  { en: 'Language and Skills School', fr: 'École de langues et de compétences' },
  { en: 'Bridging Programs', fr: 'Programmes relais' },
];

export const COMMUNITY_DESCRIPTORS: readonly Descriptor[] = [
  { en: 'Neighbourhood House', fr: 'Maison de quartier' },
  { en: 'Family Resource Centre', fr: 'Centre de ressources familiales' },
  { en: 'Newcomer Welcome Centre', fr: "Centre d'accueil des nouveaux arrivants" },
  { en: 'Youth Collective', fr: 'Collectif jeunesse' },
  { en: 'Community Hub', fr: 'Carrefour communautaire' },
  { en: 'Settlement and Community Services', fr: "Services communautaires et d'établissement" },
];

export const EMPLOYER_INDUSTRIES = [
  'Logistics', 'Bakery', 'Construction', 'Home Care', 'Property Services', 'Printing', 'Auto Repair',
  'Catering', 'Cleaning Services', 'IT Solutions', 'Manufacturing', 'Landscaping', 'Security Services',
  'Dental Clinic', 'Pharmacy', 'Grocers', 'Electrical Contractors', 'Plumbing and Heating', 'Warehousing',
  'Hospitality Group', 'Food Processing', 'Child Care Centre', 'Accounting', 'Furniture Makers',
  'Contact Centre', 'Courier', 'Packaging', 'Medical Laboratory', 'Signs and Displays', 'Metal Works',
] as const;

export const EMPLOYER_SUFFIXES = ['Inc.', 'Ltd.', 'Co.', 'Limited', 'Corp.', ''] as const;

// Real street names (the numbers put on them are fictional), by part of the city, so that an
// address looks local to its FSA. The FSA-to-area map is a hand-typed approximation.
export const STREET_AREAS = [
  'downtown', 'midtown', 'east_end', 'west_end', 'east_york', 'york', 'north_york_east',
  'north_york_central', 'north_york_west', 'scarborough', 'etobicoke_south', 'etobicoke_north',
] as const;
export type StreetArea = (typeof STREET_AREAS)[number];

export const STREETS: Record<StreetArea, readonly string[]> = {
  downtown: [
    'Queen Street West', 'Queen Street East', 'King Street West', 'King Street East', 'Dundas Street West',
    'Dundas Street East', 'College Street', 'Spadina Avenue', 'Church Street', 'Jarvis Street',
    'Parliament Street', 'Sherbourne Street', 'Yonge Street', 'Bay Street', 'Front Street East',
    'Queens Quay West', 'Adelaide Street West', 'Richmond Street West', 'Wellesley Street East',
    'Gerrard Street East', 'Carlton Street', 'University Avenue',
  ],
  midtown: [
    'Yonge Street', 'Mount Pleasant Road', 'Avenue Road', 'Eglinton Avenue West', 'Eglinton Avenue East',
    'St. Clair Avenue West', 'St. Clair Avenue East', 'Davenport Road', 'Dupont Street', 'Bathurst Street',
    'Spadina Road', 'Bayview Avenue', 'Davisville Avenue', 'Lawrence Avenue East',
  ],
  east_end: [
    'Danforth Avenue', 'Broadview Avenue', 'Pape Avenue', 'Gerrard Street East', 'Queen Street East',
    'Kingston Road', 'Coxwell Avenue', 'Jones Avenue', 'Carlaw Avenue', 'Logan Avenue', 'Main Street',
    'Woodbine Avenue', 'Eastern Avenue',
  ],
  west_end: [
    'Bloor Street West', 'College Street', 'Dundas Street West', 'Queen Street West', 'King Street West',
    'Ossington Avenue', 'Dufferin Street', 'Lansdowne Avenue', 'Roncesvalles Avenue', 'Bathurst Street',
    'Christie Street', 'Dovercourt Road', 'Keele Street', 'Runnymede Road', 'The Queensway',
  ],
  east_york: [
    'Pape Avenue', 'Donlands Avenue', 'Cosburn Avenue', 'Coxwell Avenue', 'Woodbine Avenue',
    "O'Connor Drive", 'Bayview Avenue', 'Laird Drive', 'Overlea Boulevard', 'Thorncliffe Park Drive',
    'Eglinton Avenue East', 'Mortimer Avenue', 'Millwood Road',
  ],
  york: [
    'Weston Road', 'Eglinton Avenue West', 'Rogers Road', 'St. Clair Avenue West', 'Jane Street',
    'Black Creek Drive', 'Keele Street', 'Oakwood Avenue', 'Vaughan Road', 'Dufferin Street',
    'Caledonia Road', 'Lawrence Avenue West', 'Old Weston Road',
  ],
  north_york_east: [
    'Sheppard Avenue East', 'Finch Avenue East', 'Don Mills Road', 'Leslie Street', 'Bayview Avenue',
    'Victoria Park Avenue', 'York Mills Road', 'Lawrence Avenue East', 'Eglinton Avenue East',
    'Steeles Avenue East', 'Overlea Boulevard', 'Wynford Drive',
  ],
  north_york_central: [
    'Yonge Street', 'Bathurst Street', 'Sheppard Avenue West', 'Finch Avenue West', 'Steeles Avenue West',
    'Wilson Avenue', 'Lawrence Avenue West', 'Avenue Road', 'Dufferin Street', 'Bayview Avenue',
    'Sheppard Avenue East', 'Drewry Avenue',
  ],
  north_york_west: [
    'Jane Street', 'Keele Street', 'Finch Avenue West', 'Sheppard Avenue West', 'Wilson Avenue',
    'Weston Road', 'Steeles Avenue West', 'Lawrence Avenue West', 'Dufferin Street', 'Islington Avenue',
    'Driftwood Avenue', 'Chesswood Drive',
  ],
  scarborough: [
    'Sheppard Avenue East', 'Finch Avenue East', 'Kingston Road', 'Lawrence Avenue East',
    'Eglinton Avenue East', 'Markham Road', 'McCowan Road', 'Kennedy Road', 'Warden Avenue',
    'Victoria Park Avenue', 'Midland Avenue', 'Brimley Road', 'Birchmount Road', 'Ellesmere Road',
    'Danforth Road', 'Morningside Avenue', 'Neilson Road', 'Steeles Avenue East', 'Pharmacy Avenue',
    'Progress Avenue',
  ],
  etobicoke_south: [
    'Islington Avenue', 'Kipling Avenue', 'Royal York Road', 'The Queensway', 'Lake Shore Boulevard West',
    'Bloor Street West', 'Dundas Street West', 'Burnhamthorpe Road', 'The Kingsway', 'The West Mall',
    'The East Mall', 'Evans Avenue', 'Browns Line',
  ],
  etobicoke_north: [
    'Rexdale Boulevard', 'Albion Road', 'Martin Grove Road', 'Kipling Avenue', 'Islington Avenue',
    'Eglinton Avenue West', 'Finch Avenue West', 'Humber College Boulevard', 'Dixon Road', 'Royal York Road',
    'Steeles Avenue West', 'Rathburn Road',
  ],
};

const AREA_FSAS: Record<StreetArea, string> = {
  downtown: 'M4X M4Y M5A M5B M5C M5E M5G M5H M5J M5S M5T M5V',
  midtown: 'M4N M4P M4R M4S M4T M4V M4W M5N M5P M5R',
  east_end: 'M4E M4K M4L M4M',
  west_end: 'M6G M6H M6J M6K M6P M6R M6S',
  east_york: 'M4B M4C M4G M4H M4J',
  york: 'M6C M6E M6M M6N M9N',
  north_york_east: 'M2H M2J M2K M2L M3A M3B M3C M4A',
  north_york_central: 'M2M M2N M2P M2R M3H M5M M6A M6B',
  north_york_west: 'M3J M3K M3L M3M M3N M6L M9L M9M',
  scarborough: 'M1B M1C M1E M1G M1H M1J M1K M1L M1M M1N M1P M1R M1S M1T M1V M1W M1X',
  etobicoke_south: 'M8V M8W M8X M8Y M8Z M9A M9B M9C',
  etobicoke_north: 'M9P M9R M9V M9W',
};

export const STREET_AREA_BY_FSA: ReadonlyMap<string, StreetArea> = new Map(
  STREET_AREAS.flatMap((area) => AREA_FSAS[area].split(' ').map((code) => [code, area] as const)),
);

export const UNIT_PREFIXES = ['Unit', 'Suite'] as const;

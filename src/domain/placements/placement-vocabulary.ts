// The placement pipeline's codes and the rule of which step follows which (docs/placements.md): pure
// data, safe for the web UI's bundle (no zod).

export const placementStatuses = [
  'proposed',
  'shared',
  'interview',
  'offer',
  'hired',
  'not_hired',
  'withdrawn',
] as const;
export type PlacementStatus = (typeof placementStatuses)[number];
export const closedPlacementStatuses: readonly PlacementStatus[] = ['hired', 'not_hired', 'withdrawn'];

// Why not hired, or why withdrawn: coded, so reports count them; a note may say more.
export const notHiredReasons = [
  'not_selected',
  'candidate_declined',
  'no_show',
  'position_filled',
  'not_qualified',
  'other',
] as const;
export const withdrawnReasons = [
  'candidate_declined',
  'client_found_other_work',
  'consent_withdrawn',
  'other',
] as const;
export const placementReasons = [...new Set([...notHiredReasons, ...withdrawnReasons])] as [
  (typeof notHiredReasons)[number] | (typeof withdrawnReasons)[number],
  ...((typeof notHiredReasons)[number] | (typeof withdrawnReasons)[number])[],
];
export type PlacementReason = (typeof placementReasons)[number];

export type PlacementActorSide = 'agency' | 'employer';

// The steps that may follow each status, and which side may record them. The agency shares and
// withdraws; either side records the interview, the offer and the end.
const moves: Record<PlacementStatus, readonly PlacementStatus[]> = {
  proposed: ['shared', 'withdrawn'],
  shared: ['interview', 'offer', 'not_hired', 'withdrawn'],
  interview: ['offer', 'not_hired', 'withdrawn'],
  offer: ['hired', 'not_hired', 'withdrawn'],
  hired: [],
  not_hired: [],
  withdrawn: [],
};
const agencyOnly: readonly PlacementStatus[] = ['shared', 'withdrawn'];

export function nextPlacementSteps(status: PlacementStatus, side: PlacementActorSide): PlacementStatus[] {
  return moves[status].filter((s) => side === 'agency' || !agencyOnly.includes(s));
}

// Why a step may not be taken now, or undefined when it may: a reason code and its words.
export function checkPlacementMove(
  from: PlacementStatus,
  to: PlacementStatus,
  side: PlacementActorSide,
): { code: string; message: string } | undefined {
  if (!moves[from].includes(to))
    return {
      code: 'placement_step_not_allowed',
      message: `A placement that is ${words[from]} cannot move to ${words[to]}.`,
    };
  if (side === 'employer' && agencyOnly.includes(to))
    return { code: 'placement_step_agency_only', message: `Only the proposing agency records ${words[to]}.` };
  return undefined;
}

const words: Record<PlacementStatus, string> = {
  proposed: 'proposed',
  shared: 'shared with the employer',
  interview: 'at the interview stage',
  offer: 'offered the job',
  hired: 'hired',
  not_hired: 'not hired',
  withdrawn: 'withdrawn',
};

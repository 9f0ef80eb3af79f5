import type { RouteInput, RouteName, RouteResponse, Routes } from '@cakeday/shared';

/** The routes the console calls: the ops side of the shared route table. */
export type OpsRouteName = Extract<RouteName, `ops.${string}`>;
/** Ops routes that answer a streamed CSV file (`stream: 'csv'`) rather than JSON. */
export type OpsExportName = { [N in OpsRouteName]: Routes[N] extends { stream: 'csv' } ? N : never }[OpsRouteName];
export type OpsJsonRouteName = Exclude<OpsRouteName, OpsExportName>;
export type OpsInput<N extends OpsRouteName> = RouteInput<N>;
export type OpsResponse<N extends OpsRouteName> = RouteResponse<N>;

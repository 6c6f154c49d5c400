export { loadRegistry, zoneOfProvince, type RegionRecord, type RegionZone } from './registry.ts';
export { seedRegions, listRegions, findRegion, regionByCode, type Region } from './store.ts';
export { createInvite, redeemInvite, type Invite, type InviteResult } from './invites.ts';

// One live model of each router: the state every screen, check and service reads (see service.ts).
export { RouterModels, type RouterModelsDeps } from './service.ts';
export { RouterModel, type RouterState, type RouterFacts, type ModelPeer, type VanishedPeer, type ModelChange } from './model.ts';
export { MODEL_PARTS, type ModelPart, type PartState, type PartProblem } from './parts.ts';
export { interfaceListing, peerCounters, peerListing, toPeerRow, unknownParts, type Listing } from './views.ts';

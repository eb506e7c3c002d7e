/**
 * What `comment github` may do with its previous comment. A module of its own, with no imports,
 * so the CLI's option declarations can list the choices without loading the GitHub code.
 */
export const BEHAVIORS = ['update', 'new', 'delete-and-new', 'hide-and-new'] as const;
export type Behavior = (typeof BEHAVIORS)[number];

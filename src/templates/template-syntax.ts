/**
 * How gazette's templates are parsed: told to the environment that renders them, and to the parser
 * that reads which templates each one names (template-references.ts), so that both read them alike.
 */
export const TEMPLATE_SYNTAX = { trimBlocks: true, lstripBlocks: true } as const;

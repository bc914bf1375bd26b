/// <reference types="handlebars" />

// Deep imports of Handlebars' compiler: the language server needs only the parser, and the
// package's main entry would also bundle the compiler and runtime (about 4× the size).

interface JisonLocation {
  first_line: number;
  last_line: number;
  first_column: number;
  last_column: number;
}

interface JisonErrorHash {
  text: string;
  token: string | null;
  line: number;
  loc?: JisonLocation;
  expected?: string[];
}

declare module 'handlebars/dist/cjs/handlebars/compiler/parser' {
  const parser: {
    yy: object;
    lexer: { yylloc: JisonLocation };
    parse(input: string): hbs.AST.Program;
  };
  export = parser;
}

declare module 'handlebars/dist/cjs/handlebars/compiler/helpers' {
  export class SourceLocation {
    constructor(source: string | undefined, locInfo: JisonLocation);
  }
}

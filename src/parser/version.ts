/**
 * Version of the parser's output: any change in output for some input is a new version. Its
 * own module, so that the server's main thread, which stores parses but never runs the parser
 * (the parse workers do), can name the version without loading the parser.
 */
export const PARSER_VERSION = '1.10.0';

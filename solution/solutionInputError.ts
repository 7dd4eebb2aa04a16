/** A problem with what the packer was given: the message lists every problem found, one per line. */
export class SolutionInputError extends Error {
  readonly problems: readonly string[];

  constructor(context: string, problems: readonly string[]) {
    super(`${context}:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "SolutionInputError";
    this.problems = problems;
  }
}

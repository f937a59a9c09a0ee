// Tour files as a teacher would write them, for setInputFiles.

/** A tour file as the teacher would write it. */
export function tourFile(id, steps, title = '我的导览') {
  return {
    name: `${id}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'policy-explorer-tour/1',
        id,
        title: { zh: title, en: 'My tour' },
        steps: steps.map(([route, text]) => ({
          route,
          title: { zh: `步骤 ${route}` },
          text: { zh: text, en: text },
        })),
      }),
    ),
  };
}

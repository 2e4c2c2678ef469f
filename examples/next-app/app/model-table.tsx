// A Server Component: it imports the registry from gptimage2-react/client, which has no 'use client'.
// (From 'gptimage2-react', a client module, Next refuses to call listModels() on the server.)
import { defaultRegistry, listModels, priceOf } from 'gptimage2-react/client';

export function ModelTable() {
  const models = listModels(defaultRegistry);
  return (
    <table aria-label="Models">
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">Makes</th>
          <th scope="col">Credits from</th>
          <th scope="col">Typical time</th>
        </tr>
      </thead>
      <tbody>
        {models.map((model) => (
          <tr key={model.id}>
            <th scope="row">{model.name}</th>
            <td>{model.kind}</td>
            <td>{priceOf(model) ?? 'shown after submit'}</td>
            <td>
              {model.typicalSeconds[0]}–{model.typicalSeconds[1]} s
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

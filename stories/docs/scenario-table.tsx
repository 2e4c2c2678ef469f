// The mock's named scenarios, from `mockScenarios` itself: the page shows what each preset sets.
import { mockScenarios, type MockScenarioName } from 'gptimage2-react/mock';
import { SCENARIOS } from '../../.storybook/mock-environment';
import './docs.css';

export function ScenarioTable() {
  const names = Object.keys(mockScenarios) as MockScenarioName[];
  return (
    <div className="docs-table-wrap" tabIndex={0} role="region" aria-label="Mock scenarios">
      <table className="docs-table">
        <caption>
          The presets of <code>mockScenarios</code>
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">What happens</th>
            <th scope="col">What it sets</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => (
            <tr key={name}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td>{SCENARIOS.find((scenario) => scenario.value === name)?.description ?? ''}</td>
              <td>
                <code>{JSON.stringify(mockScenarios[name])}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

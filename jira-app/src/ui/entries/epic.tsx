/** Entry of the `epic` resource (jira:issuePanel). */
import { EpicPanelView } from '../panels/epic/epic-panel';
import { mountPanel } from './mount';

mountPanel('Key results', (context) => <EpicPanelView context={context} />);

/** Entry of the `gadget` resource (jira:dashboardGadget, view and edit). */
import { GadgetPanelView } from '../panels/gadget/gadget-panel';
import { mountPanel } from './mount';

mountPanel('OKR progress', (context) => <GadgetPanelView context={context} />);

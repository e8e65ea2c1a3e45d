import { PopupApp } from '../../components/popup/PopupApp';
import { renderPage } from '../../components/render-page';
import '../../components/card/card.css';
import '../../components/pack.css';
import '../../components/popup/popup.css';

renderPage(<PopupApp />, 'extName');

// Peer names a Turkish IT technician would type, plus a few international ones. UTF-8 on purpose (ş, ğ, İ, ...).

export const PEOPLE = [
  'ahmet', 'mehmet', 'ayşe', 'fatma', 'mustafa', 'emine', 'ali', 'hatice', 'hüseyin', 'zeynep', 'ibrahim', 'elif',
  'hasan', 'merve', 'murat', 'özlem', 'ömer', 'şule', 'çağrı', 'gökhan', 'burak', 'derya', 'serkan', 'İlknur',
  'oğuz', 'tuğba', 'volkan', 'gül', 'kemal', 'sibel', 'john', 'maria', 'lukas', 'sofia', 'david', 'anna',
];

export const DEVICES = ['laptop', 'telefon', 'masaüstü', 'tablet', 'macbook', 'iphone', 'android', 'ev-pc'];

export const BRANCHES = ['şube-izmir', 'şube-ankara', 'şube-bursa', 'depo-gebze', 'fabrika-manisa', 'mağaza-kadıköy', 'şube-antalya', 'depo-çorlu'];

export const IOT = ['kamera-giriş', 'kamera-depo', 'nvr-01', 'yazıcı-muhasebe', 'klima-sunucu-odası', 'pos-kasa-1', 'ups-izleme'];

export const COMMENTS = [
  'Muhasebe departmanı', 'Satış ekibi', 'IT - yönetici', 'Uzaktan çalışan', 'Geçici erişim (proje)', 'Stajyer',
  'Yönetim kurulu', 'Destek ekibi', 'Dış danışman', 'Ürün geliştirme',
];

/** A legacy comment typed in WinBox on a Russian-locale Windows: stored as cp1251 bytes, not UTF-8. */
export const CP1251_COMMENT = 'Склад — старый роутер';

connections-expired = このリストは期限切れです。もう一度 /connections を実行してください。
connections-heading = **あなたのつながり**
connections-matching = 「{ $search }」を含む
connections-tagged = タグ { $tag } 付き
connections-none-match = 該当するつながりはありません。
connections-none = まだつながりがありません。`/invite` で誰かを招待するか、`/suggestions` で知り合いかもしれない人を見てみましょう。
connections-line = { $member } — { $when } につながりました
connections-remove-menu = つながりを削除…
tag-added = { $member } さんにタグ { $tag } を付けました。タグはあなたにしか見えません。
tag-removed = { $member } さんからタグ { $tag } を外しました。
tag-absent = { $member } さんにはタグ { $tag } が付いていません。
setting-on = オン
setting-off = オフ
settings-shown = **あなたの設定**
    あなたを招待できる人：{ $policy }
    招待を自動で承認：{ $auto_accept }
    DM通知：{ $dms }
    プロフィールを見られる人：{ $visibility }
    設定内容が他の人に知られることはありません。断られた招待には、理由にかかわらず同じ中立的な返答が届きます。
settings-saved = 保存しました。{ settings-shown }
mydata-delete-ask = このサーバーでのネットワークデータをすべて削除しますか？つながり、招待、タグ、設定、ボットが記録したあなたの名前が消去されます。誰にも通知されません。元に戻すことはできません。
button-delete-my-data = データを削除
mydata-exported = このサーバーでボットが保存しているあなたの情報はこれですべてです。他の人があなたについて保存している情報（誰を削除したかなど）はその人のものなので含まれません。
mydata-deleted = このサーバーでのネットワークデータを削除しました。
nothing-changed = 何も変更していません。
not-moderator = この操作はサーバーを管理できるメンバーだけが行えます。
remove-member-ask = このサーバーでの { $member } さんのネットワークデータを消去しますか？つながり、招待、タグ、設定が消去されます。本人には通知されません。モデレーションログにはあなたが行ったことが記録されます。
button-erase-their-data = データを消去
profile-cleared = { $member } さんのプロフィールを消去しました。つながりは残ります。本人には通知されません。モデレーションログにはあなたが行ったことが記録されます。
profile-nothing-to-clear = { $member } さんには消去するプロフィールがありません。
network-stats = **ネットワーク統計**
    ネットワークのメンバー：{ $members }
    つながり：{ $connections }
    保留中の招待：{ $pending }
    過去7日間に送られた招待：{ $sent }
    メンバーあたりのつながり：中央値 { $median }、最大 { $most }
limits-shown = **上限**
    1人が7日間に送れる招待：{ $per_week }
    1人が持てるつながり：{ $cap }
    招待停止までの30日間の報告数：{ $reports }
    プロフィールのDiscord招待リンク：{ $links }
limits-saved = 保存しました。{ limits-shown }
limits-links-allowed = 許可
limits-links-not-allowed = 不許可
member-erased = このサーバーでの { $member } さんのネットワークデータを消去しました。
member-restored = { $member } さんの停止を解除しました。再び招待を送れます。
reports-heading = **報告された人**（「知らない人です」、過去30日間）
reports-none = 報告された人はいません。
reports-line = { $member } — 報告 { $count } 件
reports-suspended = { $when } から停止中
button-restore-name = { $name } さんの停止を解除

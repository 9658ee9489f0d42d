export function Forbidden() {
  return (
    <div role="alert" className="form-message form-message-error">
      <h1>لا تملك صلاحية الوصول</h1>
      <p>هذه الصفحة لأدوار أخرى في غرفة الأخبار. اطلب من المدير الصلاحية إن كنت تحتاجها.</p>
    </div>
  );
}

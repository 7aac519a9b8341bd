/* The console's only script (ES5, for older Chromium-based office browsers; pages work without it):
   a file input shows the chosen file's name in Chinese surroundings. */
(function () {
  var inputs = document.querySelectorAll("input[type=file][data-shows]");
  for (var i = 0; i < inputs.length; i++) {
    inputs[i].addEventListener("change", function (e) {
      var input = e.target;
      var label = document.getElementById(input.getAttribute("data-shows"));
      if (label) {
        label.textContent = input.files && input.files.length ? input.files[0].name : "未选择文件";
      }
    });
  }
})();

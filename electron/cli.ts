// Placeholder: the evidence-vault CLI.
console.log('evidence-vault');
